import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { CardinalDb } from '../db/database';
import { DbProvider } from '../db/dbContext';
import { BootError } from './BootErrorBoundary';
import type { BootResult } from './boot';
import { OtherTabsNotice } from './OtherTabsNotice';
import { routes } from './routes';
import { UpdateBanner } from './UpdateBanner';

/**
 * The app shell paints at once (header, navigation, "Opening your decks…"); pages read the database when start-up
 * (boot.ts, loaded as its own chunk with Dexie) has opened it.
 */
export function App({ booting }: { booting: Promise<BootResult> }) {
  const [router] = useState(() => createBrowserRouter(routes));
  const [db] = useState<Promise<CardinalDb>>(() =>
    booting.then(
      (result) => result.db,
      (error: unknown) => {
        throw new BootError(error);
      },
    ),
  );
  return (
    <DbProvider db={db}>
      <OtherTabsNotice />
      <RouterProvider router={router} />
      <UpdateBanner />
    </DbProvider>
  );
}
