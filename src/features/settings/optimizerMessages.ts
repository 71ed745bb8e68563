/** What the settings page asks the optimizer worker, and what it answers. */
import type { Evaluation } from '../../domain/schedulerFit';

export type OptimizeRequest = { dbName: string; deckId: string };

export type OptimizeReply =
  | { type: 'stage'; stage: 'reading' | 'fitting' | 'evaluating' }
  /** The optimizer's progress counters [done, total] live in shared memory: the page reads them while it fits. */
  | { type: 'progressMemory'; buffer: SharedArrayBuffer; pointer: number }
  | { type: 'tooSmall'; reviews: number; needed: number }
  | {
      type: 'result';
      parameters: number[];
      current: Evaluation;
      fitted: Evaluation;
      /** Whether "current" is parameters fitted before (else the defaults). */
      currentIsFitted: boolean;
    }
  | { type: 'error'; message: string };
