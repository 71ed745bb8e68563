/**
 * The statistics of a scope and period, computed in a Web Worker (statsWorker.ts) and delivered part by part;
 * where there is no Worker (jsdom) the same code runs in the page. A new request (or leaving the page) stops the
 * previous one: its worker is terminated.
 */
import { useEffect, useState } from 'react';
import { useDb } from '../../db/react';
import type { CardTally } from '../../domain/stats/cardStats';
import type { ReviewTally, TodaySummary } from '../../domain/stats/reviewTally';
import type { CalendarPart, StatsReply, StatsRequest } from './statsMessages';
import { runStats } from './statsRun';

export type StatsState = {
  today?: TodaySummary;
  calendar?: CalendarPart;
  cards?: CardTally;
  reviews?: { tally: ReviewTally; read: number; done: boolean };
  error?: string;
};

export function useStats(request: StatsRequest): StatsState {
  const db = useDb();
  const [state, setState] = useState<StatsState>({});
  const { deckId, periodDays, forecastDays, now } = request;

  useEffect(() => {
    setState({});
    let stopped = false;
    const receive = (reply: StatsReply) => {
      if (stopped) return;
      setState((s) => {
        switch (reply.type) {
          case 'today':
            return { ...s, today: reply.today };
          case 'calendar':
            return { ...s, calendar: reply };
          case 'cards':
            return { ...s, cards: reply.tally };
          case 'reviews':
            return { ...s, reviews: { tally: reply.tally, read: reply.read, done: reply.done } };
          case 'error':
            return { ...s, error: reply.message };
        }
      });
    };
    const ask: StatsRequest = { deckId, periodDays, forecastDays, now };
    const worker = startWorker();
    if (worker) {
      worker.onmessage = (event: MessageEvent<StatsReply>) => receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        receive({ type: 'error', message: event.message || 'the statistics worker stopped' });
      };
      worker.postMessage({ ...ask, dbName: db.name });
    } else {
      // In the page, a running tally is the same object each time: copy it so React sees a change.
      runStats(db, ask, (reply) =>
        receive(reply.type === 'reviews' ? { ...reply, tally: { ...reply.tally } } : reply),
      ).catch((error: unknown) =>
        receive({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    }
    return () => {
      stopped = true;
      worker?.terminate();
    };
  }, [db, deckId, periodDays, forecastDays, now]);

  return state;
}

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./statsWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}
