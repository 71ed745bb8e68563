import type { RouteObject } from 'react-router';

/** The review session (its own chunk). */
export const reviewRoutes: RouteObject[] = [
  {
    path: 'review/:scope',
    handle: { title: 'Review' },
    lazy: () => import('./ReviewPage').then((m) => ({ Component: m.ReviewPage })),
  },
  {
    path: 'custom-study/:deckId',
    handle: { title: 'Custom study' },
    lazy: () => import('./CustomStudyPage').then((m) => ({ Component: m.CustomStudyPage })),
  },
];
