import type { RouteObject } from 'react-router';

/** The home page: its own chunk (with the database code), preloaded beside the app shell by index.html. */
export const homeRoutes: RouteObject[] = [
  {
    index: true,
    handle: { title: 'Your decks' },
    lazy: () => import('./HomePage').then((m) => ({ Component: m.HomePage })),
  },
];
