import type { RouteObject } from 'react-router';

/** Creating, editing and deleting decks (their own chunk). */
export const deckRoutes: RouteObject[] = [
  { path: 'decks/new', lazy: () => import('./NewDeckPage').then((m) => ({ Component: m.NewDeckPage })) },
  {
    path: 'decks/:deckId/edit',
    lazy: () => import('./EditDeckPage').then((m) => ({ Component: m.EditDeckPage })),
  },
];
