import { Component, type ReactNode, Suspense, use, useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { DbProvider } from '../db/react';
import type { BootResult } from './boot';
import { OtherTabsNotice } from './OtherTabsNotice';
import { routes } from './routes';
import { UpdateBanner } from './UpdateBanner';

export function App({ booting }: { booting: Promise<BootResult> }) {
  return (
    <BootErrorBoundary>
      <OtherTabsNotice />
      <Suspense fallback={<p className="boot-status">Opening your decks…</p>}>
        <Booted booting={booting} />
      </Suspense>
    </BootErrorBoundary>
  );
}

function Booted({ booting }: { booting: Promise<BootResult> }) {
  const { db } = use(booting);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <DbProvider db={db}>
      <RouterProvider router={router} />
      <UpdateBanner />
    </DbProvider>
  );
}

class BootErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
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
