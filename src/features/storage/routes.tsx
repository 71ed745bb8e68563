import type { RouteObject } from 'react-router';

/** App settings: storage, snapshots, check database (its own chunk). */
export const storageRoutes: RouteObject[] = [
  {
    path: 'settings',
    handle: { title: 'Settings' },
    lazy: () => import('./StoragePage').then((m) => ({ Component: m.StoragePage })),
  },
];
