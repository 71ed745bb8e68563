import type { RouteObject } from 'react-router';

/** The Import / Export page (its own chunk). */
export const transferRoutes: RouteObject[] = [
  {
    path: 'transfer',
    handle: { title: 'Import / Export' },
    lazy: () => import('./TransferPage').then((m) => ({ Component: m.TransferPage })),
  },
];
