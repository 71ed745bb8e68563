import type { RouteObject } from 'react-router';
import { browseRoutes } from '../features/browse/routes';
import { cardRoutes } from '../features/cards/routes';
import { deckRoutes } from '../features/decks/routes';
import { examRoutes } from '../features/exam/routes';
import { guideRoutes } from '../features/guide/routes';
import { HomePage } from '../features/home/HomePage';
import { reviewRoutes } from '../features/review/routes';
import { settingsRoutes } from '../features/settings/routes';
import { transferRoutes } from '../features/transfer/routes';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

/** The home page is in the first chunk; every other page is loaded when first visited (lazy routes). */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      ...reviewRoutes,
      ...settingsRoutes,
      ...examRoutes,
      ...guideRoutes,
      ...transferRoutes,
      ...browseRoutes,
      ...cardRoutes,
      ...deckRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
