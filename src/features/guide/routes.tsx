import type { RouteObject } from 'react-router';
import { GuidePage } from './GuidePage';

/** The shipped guide of a deck, by section. */
export const guideRoutes: RouteObject[] = [{ path: 'decks/:deckId/guide', element: <GuidePage /> }];
