import type { RouteObject } from 'react-router';

/** Browse: every card, searchable, with bulk actions (its own chunk). */
export const browseRoutes: RouteObject[] = [
  {
    path: 'browse',
    handle: { title: 'Browse' },
    lazy: () => import('./BrowsePage').then((m) => ({ Component: m.BrowsePage })),
  },
];
