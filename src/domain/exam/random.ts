/**
 * A seeded random source, so an exam draw can be replayed exactly from its seed. The domain never calls
 * Math.random: callers pass a `Random` in.
 */
import { cyrb53 } from '../hash';

export type Random = () => number;

/** A deterministic random source in [0, 1) from any string seed (cyrb53-style hash feeding mulberry32). */
export function seededRandom(seed: string): Random {
  let state = cyrb53(seed).h1 >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
