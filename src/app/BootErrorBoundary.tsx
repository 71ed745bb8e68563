import { Component, type ReactNode } from 'react';

/** Start-up failed (the database could not be opened); any other error is passed on to the route's boundary. */
export class BootError extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

export class BootErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!(error instanceof BootError)) throw error;
    return (
      <div role="alert" className="boot-status">
        <h1>Cardinal could not open its database</h1>
        <p>
          Cardinal keeps your decks and reviews in this browser's storage (IndexedDB). It could not be opened:{' '}
          {error.message}
        </p>
        <p>Private windows and some browser settings block it; try a normal window.</p>
      </div>
    );
  }
}
