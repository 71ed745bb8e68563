import type { RouteObject } from 'react-router';

/** The Import / Export page. */
export const transferRoutes: RouteObject[] = [];
