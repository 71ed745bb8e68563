import type { RouteObject } from 'react-router';
import { examRoutes } from '../features/exam/routes';
import { guideRoutes } from '../features/guide/routes';
import { HomePage } from '../features/home/HomePage';
import { reviewRoutes } from '../features/review/routes';
import { settingsRoutes } from '../features/settings/routes';
import { statsRoutes } from '../features/stats/routes';
import { storageRoutes } from '../features/storage/routes';
import { transferRoutes } from '../features/transfer/routes';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/** The home page is in the first chunk; every other page is loaded when first visited (lazy routes). */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        // A failing page shows its error inside the layout, so the navigation stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage />, handle: { title: 'Your decks' } },
          ...reviewRoutes,
          ...settingsRoutes,
          ...examRoutes,
          ...guideRoutes,
          ...transferRoutes,
          ...storageRoutes,
          ...statsRoutes,
          { path: '*', element: <NotFoundPage />, handle: { title: 'Page not found' } },
        ],
      },
    ],
  },
];
