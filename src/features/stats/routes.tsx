import type { RouteObject } from 'react-router';

/** Statistics (its own chunk, with the charting library). */
export const statsRoutes: RouteObject[] = [
  {
    path: 'stats',
    handle: { title: 'Statistics' },
    lazy: () => import('./StatsPage').then((m) => ({ Component: m.StatsPage })),
  },
];
