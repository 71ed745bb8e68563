import { act, render, screen } from '@testing-library/react';
import { Component, type ReactNode, Suspense } from 'react';
import { expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { DbProvider, useDb } from '../../src/db/dbContext';

function DeckName() {
  return <p>Database {useDb().name}</p>;
}

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error}</p> : this.props.children;
  }
}

function app(db: Promise<CardinalDb>, children: ReactNode) {
  return (
    <Boundary>
      <DbProvider db={db}>
        <Suspense fallback={<p>Opening your decks…</p>}>{children}</Suspense>
      </DbProvider>
    </Boundary>
  );
}

it('a start-up that fails reaches the error boundary instead of waiting for ever', async () => {
  const failing = Promise.reject(new Error('The database could not be opened'));
  await act(async () => {
    render(app(failing, <DeckName />));
  });
  expect(screen.getByRole('alert')).toHaveTextContent('The database could not be opened');
});
