import { now, setNowForTests } from '../stores/clock';

declare global {
  interface Window {
    /** End-to-end test hooks (setNow freezes the app's clock); only in dev and `vite build --mode e2e`. */
    __cardinalTest?: { setNow: (epochMs: number) => void; now: () => number };
  }
}

/** Installs the test clock hook, except in the production build, where this whole body is removed. */
export function installTestHooks(): void {
  if (import.meta.env.MODE === 'production') return;
  window.__cardinalTest = { setNow: setNowForTests, now };
}
