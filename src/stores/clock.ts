/**
 * The app's one clock. Domain code never reads the time; the app passes `now()` in.
 * End-to-end tests freeze it at a chosen time (window.__cardinalTest.setNow) to replay days without editing
 * stored data.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

type ClockState = { frozenAt: number | null; tick: number };

const useClockStore = create<ClockState>(() => ({ frozenAt: null, tick: 0 }));

export function now(): number {
  return useClockStore.getState().frozenAt ?? Date.now();
}

export function setNowForTests(epochMs: number): void {
  useClockStore.setState((s) => ({ frozenAt: epochMs, tick: s.tick + 1 }));
}

/** The current time, re-read every `intervalMs` and whenever a test shifts the clock. */
export function useNow(intervalMs = 60_000): number {
  useClockStore((s) => s.tick);
  useEffect(() => {
    const timer = setInterval(() => useClockStore.setState((s) => ({ tick: s.tick + 1 })), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now();
}
