import type { RouteObject } from 'react-router';

/** The review session (its own chunk). */
export const reviewRoutes: RouteObject[] = [
  { path: 'review/:scope', lazy: () => import('./ReviewPage').then((m) => ({ Component: m.ReviewPage })) },
];
