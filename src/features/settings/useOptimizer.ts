/**
 * Runs "Optimize parameters" for a deck in the optimizer worker and follows its progress. Where there is no
 * Worker (jsdom) only the size check runs, in the page: fitting needs the worker.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDb } from '../../db/react';
import { MIN_REVIEWS_TO_FIT, trainingSet } from '../../domain/schedulerFit';
import { fitHistories } from './fitHistories';
import type { OptimizeReply } from './optimizerMessages';

export type OptimizerState =
  | { phase: 'idle' }
  | { phase: 'running'; stage: 'reading' | 'fitting' | 'evaluating'; progress: number | null }
  | Extract<OptimizeReply, { type: 'tooSmall' | 'result' | 'error' }>;

export function useOptimizer(deckId: string) {
  const db = useDb();
  const [state, setState] = useState<OptimizerState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = useCallback(() => {
    if (poll.current) clearInterval(poll.current);
    poll.current = null;
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(() => {
    stop();
    setState({ phase: 'running', stage: 'reading', progress: null });
    const w = startWorker();
    if (!w) {
      fitHistories(db, deckId)
        .then(({ histories }) => {
          const reviews = trainingSet(histories).reviews;
          setState(
            reviews < MIN_REVIEWS_TO_FIT
              ? { type: 'tooSmall', reviews, needed: MIN_REVIEWS_TO_FIT }
              : { type: 'error', message: 'fitting needs a browser with Web Workers' },
          );
        })
        .catch((error: unknown) =>
          setState({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
        );
      return;
    }
    worker.current = w;
    w.onerror = (event) => {
      event.preventDefault();
      stop();
      setState({ type: 'error', message: event.message || 'the optimizer stopped' });
    };
    w.onmessage = (event: MessageEvent<OptimizeReply>) => {
      const reply = event.data;
      switch (reply.type) {
        case 'stage':
          setState({ phase: 'running', stage: reply.stage, progress: null });
          return;
        case 'progressMemory': {
          const counters = new Uint32Array(reply.buffer, reply.pointer, 2);
          poll.current = setInterval(() => {
            const [done = 0, total = 0] = counters;
            if (total > 0)
              setState((s) =>
                'phase' in s && s.phase === 'running' && s.stage === 'fitting'
                  ? { ...s, progress: Math.min(1, done / total) }
                  : s,
              );
          }, 200);
          return;
        }
        default:
          stop();
          setState(reply);
      }
    };
    w.postMessage({ dbName: db.name, deckId });
  }, [db, deckId, stop]);

  const reset = useCallback(() => {
    stop();
    setState({ phase: 'idle' });
  }, [stop]);

  return { state, start, reset };
}

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./optimizerWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}
