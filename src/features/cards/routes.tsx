import type { RouteObject } from 'react-router';

/** Adding and editing cards (their own chunk). */
export const cardRoutes: RouteObject[] = [
  {
    path: 'cards/new',
    handle: { title: 'Add card' },
    lazy: () => import('./AddCardPage').then((m) => ({ Component: m.AddCardPage })),
  },
  {
    path: 'cards/:deckId/:cardId/edit',
    handle: { title: 'Edit card' },
    lazy: () => import('./EditCardPage').then((m) => ({ Component: m.EditCardPage })),
  },
];
