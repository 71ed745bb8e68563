import type { RouteObject } from 'react-router';
import { examRoutes } from '../features/exam/routes';
import { guideRoutes } from '../features/guide/routes';
import { HomePage } from '../features/home/HomePage';
import { ReviewPage } from '../features/review/ReviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { transferRoutes } from '../features/transfer/routes';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'review/:scope', element: <ReviewPage /> },
      { path: 'decks/:deckId/settings', element: <SettingsPage /> },
      ...examRoutes,
      ...guideRoutes,
      ...transferRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
