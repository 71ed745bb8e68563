import type { RouteObject } from 'react-router';
import { ExamHistoryPage } from './ExamHistoryPage';
import { ExamPage } from './ExamPage';
import { ExamResultsPage } from './ExamResultsPage';
import { ExamSetupPage } from './ExamSetupPage';
import { ReadinessPage } from './ReadinessPage';

/** Exam mode's pages (set-up, sitting, results, history, readiness). */
export const examRoutes: RouteObject[] = [
  { path: 'decks/:deckId/exam', element: <ExamSetupPage /> },
  { path: 'decks/:deckId/readiness', element: <ReadinessPage /> },
  { path: 'exams', element: <ExamHistoryPage /> },
  { path: 'exams/:examId', element: <ExamPage /> },
  { path: 'exams/:examId/results', element: <ExamResultsPage /> },
];
