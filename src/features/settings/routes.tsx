import type { RouteObject } from 'react-router';

/** Deck settings (its own chunk). */
export const settingsRoutes: RouteObject[] = [
  {
    path: 'decks/:deckId/settings',
    handle: { title: 'Deck settings' },
    lazy: () => import('./SettingsPage').then((m) => ({ Component: m.SettingsPage })),
  },
];
