import type { RouteObject } from 'react-router';

/** The shipped guide of a deck, by section (its own chunk). */
export const guideRoutes: RouteObject[] = [
  {
    path: 'decks/:deckId/guide',
    handle: { title: 'Guide' },
    lazy: () => import('./GuidePage').then((m) => ({ Component: m.GuidePage })),
  },
];
