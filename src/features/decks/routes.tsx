import type { RouteObject } from 'react-router';

/** Creating, editing and deleting decks (their own chunk). */
export const deckRoutes: RouteObject[] = [
  {
    path: 'decks/new',
    handle: { title: 'New deck' },
    lazy: () => import('./NewDeckPage').then((m) => ({ Component: m.NewDeckPage })),
  },
  {
    path: 'decks/:deckId/edit',
    handle: { title: 'Edit deck' },
    lazy: () => import('./EditDeckPage').then((m) => ({ Component: m.EditDeckPage })),
  },
];
