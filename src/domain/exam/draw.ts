/**
 * Drawing an exam's questions. The draw is weighted sampling without replacement (Efraimidis–Spirakis:
 * each candidate gets the key u^(1/weight), highest keys win), with two rules on top:
 * - coverage: every selected section with a question first gets its best-keyed question, then the rest fill up;
 * - one question per card (a cloze's c1 and c2, or a card and its reverse, would give each other away).
 * All randomness comes from `random`, so the same seed over the same deck and card states gives the same exam.
 */
import type { FsrsFields } from '../records';
import { retrievability } from '../scheduler';
import type { SchedulerSettings } from '../settings';
import { type Candidate, toQuestion } from './candidates';
import { type Random, shuffled } from './random';
import type { ExamConfig, ExamQuestion } from './record';

const DAY_MS = 86_400_000;
/** A lapse within this many days counts as recent. */
export const RECENT_LAPSE_DAYS = 14;

/**
 * How much more likely a question is drawn: 1 for a card you know for sure, up to 4 for one you are sure to have
 * forgotten or never seen (1 + 3 × (1 − retrievability)), plus 2 when the card lapsed recently.
 */
export function weaknessWeight(
  fsrs: FsrsFields | undefined,
  now: number,
  settings: SchedulerSettings,
): number {
  if (!fsrs) return 4;
  const recall = retrievability(fsrs, now, settings);
  const lapsedRecently =
    fsrs.state === 3 ||
    (fsrs.lapses > 0 && fsrs.last_review !== null && now - fsrs.last_review < RECENT_LAPSE_DAYS * DAY_MS);
  return 1 + 3 * (1 - recall) + (lapsedRecently ? 2 : 0);
}

export type DrawFilter = Pick<ExamConfig, 'sections' | 'tags'>;

/** The candidates an exam with these sections and tags can ask. */
export function eligibleCandidates(candidates: readonly Candidate[], filter: DrawFilter): Candidate[] {
  const sections = new Set(filter.sections);
  return candidates.filter(
    (c) =>
      sections.has(c.section) && (filter.tags.length === 0 || c.tags.some((t) => filter.tags.includes(t))),
  );
}

/** How many different questions an exam with this filter can ask (one per card). */
export function availableCount(candidates: readonly Candidate[], filter: DrawFilter): number {
  return new Set(eligibleCandidates(candidates, filter).map((c) => c.cardId)).size;
}

export type DrawInput = {
  candidates: readonly Candidate[];
  config: Pick<ExamConfig, 'count' | 'sections' | 'tags' | 'order'>;
  /** Weight of an item (see weaknessWeight); must be > 0. */
  weightOf: (itemId: string) => number;
  /** Every section id in guide (tree) order. */
  sectionOrder: readonly string[];
  random: Random;
};

/**
 * @example drawExam({ candidates, config: { count: 40, sections, tags: [], order: 'random' }, weightOf, sectionOrder, random: seededRandom('42') })
 */
export function drawExam({ candidates, config, weightOf, sectionOrder, random }: DrawInput): ExamQuestion[] {
  const rank = new Map(sectionOrder.map((id, i) => [id, i]));
  const rankOf = (section: string) => rank.get(section) ?? sectionOrder.length;
  const eligible = eligibleCandidates(candidates, config);
  const keys = new Float64Array(eligible.length);
  for (let i = 0; i < eligible.length; i++)
    keys[i] = random() ** (1 / Math.max(1e-9, weightOf((eligible[i] as Candidate).itemId)));

  const chosen: Candidate[] = [];
  const usedCards = new Set<string>();
  const take = (candidate: Candidate) => {
    chosen.push(candidate);
    usedCards.add(candidate.cardId);
  };
  // Coverage first: each section's best-keyed question, the sections themselves in order of that key.
  const bestPerSection = new Map<string, number>();
  for (let i = 0; i < eligible.length; i++) {
    const section = (eligible[i] as Candidate).section;
    const best = bestPerSection.get(section);
    if (best === undefined || (keys[i] as number) > (keys[best] as number)) bestPerSection.set(section, i);
  }
  const coverage = [...bestPerSection.values()].sort((a, b) => (keys[b] as number) - (keys[a] as number));
  for (const i of coverage) if (chosen.length < config.count) take(eligible[i] as Candidate);
  // Then the highest keys, one question per card. Only the top few hundred keys are sorted (a numeric sort of
  // a copy of the keys finds the threshold); they are a prefix of the full order, so going on with the full
  // order when cards with several questions used them up gives the same exam.
  const fill = (indices: number[]) => {
    indices.sort((a, b) => (keys[b] as number) - (keys[a] as number));
    for (const i of indices) {
      if (chosen.length >= config.count) return;
      const candidate = eligible[i] as Candidate;
      if (!usedCards.has(candidate.cardId)) take(candidate);
    }
  };
  const top = Math.min(eligible.length, 4 * config.count + bestPerSection.size + 16);
  if (top < eligible.length) {
    const threshold = Float64Array.from(keys).sort()[eligible.length - top] as number;
    const prefix: number[] = [];
    for (let i = 0; i < eligible.length; i++) if ((keys[i] as number) >= threshold) prefix.push(i);
    fill(prefix);
  }
  if (chosen.length < config.count) fill(eligible.map((_, i) => i));

  const ordered =
    config.order === 'guide'
      ? [...chosen].sort((a, b) => rankOf(a.section) - rankOf(b.section) || a.position - b.position)
      : shuffled(chosen, random);
  return ordered.map((candidate) => toQuestion(candidate, random));
}
