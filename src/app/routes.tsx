import type { RouteObject } from 'react-router';
import { browseRoutes } from '../features/browse/routes';
import { cardRoutes } from '../features/cards/routes';
import { deckRoutes } from '../features/decks/routes';
import { examRoutes } from '../features/exam/routes';
import { guideRoutes } from '../features/guide/routes';
import { homeRoutes } from '../features/home/routes';
import { reviewRoutes } from '../features/review/routes';
import { settingsRoutes } from '../features/settings/routes';
import { statsRoutes } from '../features/stats/routes';
import { storageRoutes } from '../features/storage/routes';
import { transferRoutes } from '../features/transfer/routes';
import { Layout, LayoutFrame } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/**
 * Every page is loaded when first visited (lazy routes); the home page's chunk is preloaded with the app shell.
 * Until the first page has loaded, the layout shows "Opening your decks…".
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    hydrateFallbackElement: (
      <LayoutFrame>
        <p className="boot-status">Opening your decks…</p>
      </LayoutFrame>
    ),
    errorElement: <RouteError />,
    children: [
      {
        // A failing page shows its error inside the layout, so the navigation stays usable.
        errorElement: <RouteError />,
        children: [
          ...homeRoutes,
          ...reviewRoutes,
          ...settingsRoutes,
          ...examRoutes,
          ...guideRoutes,
          ...transferRoutes,
          ...storageRoutes,
          ...statsRoutes,
          ...browseRoutes,
          ...cardRoutes,
          ...deckRoutes,
          { path: '*', element: <NotFoundPage />, handle: { title: 'Page not found' } },
        ],
      },
    ],
  },
];
