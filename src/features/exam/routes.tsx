import type { RouteObject } from 'react-router';

/** Exam mode's pages (set-up, sitting, results, history, readiness). */
export const examRoutes: RouteObject[] = [];
