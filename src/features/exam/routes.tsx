import type { RouteObject } from 'react-router';

/** Exam mode's pages (set-up, sitting, results, history, readiness), each loaded as its own chunk. */
export const examRoutes: RouteObject[] = [
  {
    path: 'decks/:deckId/exam',
    handle: { title: 'Practice exam' },
    lazy: () => import('./ExamSetupPage').then((m) => ({ Component: m.ExamSetupPage })),
  },
  {
    path: 'decks/:deckId/readiness',
    handle: { title: 'Readiness' },
    lazy: () => import('./ReadinessPage').then((m) => ({ Component: m.ReadinessPage })),
  },
  {
    path: 'exams',
    handle: { title: 'Exams' },
    lazy: () => import('./ExamHistoryPage').then((m) => ({ Component: m.ExamHistoryPage })),
  },
  {
    path: 'exams/:examId',
    handle: { title: 'Exam' },
    lazy: () => import('./ExamPage').then((m) => ({ Component: m.ExamPage })),
  },
  {
    path: 'exams/:examId/results',
    handle: { title: 'Exam results' },
    lazy: () => import('./ExamResultsPage').then((m) => ({ Component: m.ExamResultsPage })),
  },
];
