/**
 * Drawing an exam's questions without reading every card or review state: weighted sampling without replacement
 * done as successive sampling, each step by rejection. A step picks a card uniformly from the cards still
 * eligible (their ids come from the stored exam index, keys only), looks up the weights of its askable items
 * (their review states, read for the picked cards only), and accepts the card with probability
 * weight / MAX_WEIGHT, where a card weighs as much as its weakest item; an accepted card asks one of its items,
 * chosen in proportion to the items' weights. So a card is drawn with probability proportional to its weight among
 * the cards left, as in successive sampling, and only a few hundred states are read for a 40-question exam.
 * Two rules on top:
 * - coverage: every selected section with a question first gets one card drawn from that section alone (when
 *   there are more sections than questions, the sections covered are drawn in proportion to their size);
 * - one question per card (a cloze's c1 and c2, or a card and its reverse, would give each other away).
 * All randomness comes from `random`, and lookups are batched in a fixed way, so the same seed over the same
 * deck and card states gives the same exam.
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
/** The largest weight weaknessWeight gives (1 + 3 + 2); weights are clamped to [1, MAX_WEIGHT]. */
export const MAX_WEIGHT = 6;

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

/** The askable items of one card with their weights (see weaknessWeight), in ordinal order. */
export type CardItems = { itemId: string; weight: number }[];

/**
 * The items of some cards (a card missing from the answer is no longer askable and is skipped). Called a batch
 * at a time, with card ids in draw order.
 */
export type ItemLookup = (cardIds: readonly string[]) => Promise<ReadonlyMap<string, CardItems>>;

/** The eligible cards of one section (ids in a fixed order, e.g. index order). */
export type SectionPool = { section: string; cards: readonly string[] };

export type Drawn = { cardId: string; itemId: string };

const clamp = (weight: number) => Math.min(MAX_WEIGHT, Math.max(1, weight));

/**
 * Draws up to `count` cards of `pool` not in `used`, successively in proportion to their weight (see the top of
 * this file), adding each to `used`. Expected lookups: about count × MAX_WEIGHT / mean weight cards.
 */
async function successive(
  pool: readonly string[],
  count: number,
  used: Set<string>,
  known: Map<string, CardItems | null>,
  lookup: ItemLookup,
  random: Random,
): Promise<Drawn[]> {
  const drawn: Drawn[] = [];
  let alive = pool.filter((c) => !used.has(c));
  while (drawn.length < count && alive.length > 0) {
    // One batch of picks from the cards alive at its start: a pick of a card taken meanwhile is a rejection, so
    // the batch stays exact successive sampling.
    const size = Math.min(4096, Math.max(16, 4 * (count - drawn.length)));
    const picks: { cardId: string; u: number }[] = [];
    for (let i = 0; i < size; i++)
      picks.push({ cardId: alive[Math.floor(random() * alive.length)] as string, u: random() });
    const unknown = [...new Set(picks.map((p) => p.cardId))].filter((c) => !known.has(c));
    if (unknown.length > 0) {
      const found = await lookup(unknown);
      for (const c of unknown) {
        const items = found.get(c);
        known.set(c, items && items.length > 0 ? items : null);
      }
    }
    for (const { cardId, u } of picks) {
      if (drawn.length >= count) break;
      const items = known.get(cardId);
      if (used.has(cardId) || !items) continue;
      const weights = items.map((i) => clamp(i.weight));
      if (u * MAX_WEIGHT >= Math.max(...weights)) continue;
      used.add(cardId);
      drawn.push({ cardId, itemId: pickItem(items, weights, random) });
    }
    alive = alive.filter((c) => !used.has(c) && known.get(c) !== null);
  }
  return drawn;
}

/** One item of a card, in proportion to the items' weights. */
function pickItem(items: CardItems, weights: readonly number[], random: Random): string {
  if (items.length === 1) return (items[0] as CardItems[number]).itemId;
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (const [i, item] of items.entries()) {
    r -= weights[i] as number;
    if (r < 0) return item.itemId;
  }
  return (items.at(-1) as CardItems[number]).itemId;
}

/**
 * Which cards an exam of `count` questions asks, and which item of each: coverage of every section first, then
 * the rest from every selected section together. `pools` come in section order; a card is in one pool only.
 */
export async function drawExamCards(input: {
  pools: readonly SectionPool[];
  count: number;
  lookup: ItemLookup;
  random: Random;
}): Promise<Drawn[]> {
  const { count, lookup, random } = input;
  const pools = input.pools.filter((p) => p.cards.length > 0);
  const used = new Set<string>();
  const known = new Map<string, CardItems | null>();
  // Sections to cover: all of them, or, with fewer questions than sections, drawn in proportion to their size
  // (Efraimidis–Spirakis keys over the few sections).
  const keyed = pools.map((pool) => ({ pool, key: random() ** (1 / pool.cards.length) }));
  const covered =
    keyed.length <= count ? keyed : [...keyed].sort((a, b) => b.key - a.key).slice(0, Math.max(0, count));
  const drawn: Drawn[] = [];
  for (const { pool } of covered)
    drawn.push(...(await successive(pool.cards, 1, used, known, lookup, random)));
  const all = pools.flatMap((p) => p.cards);
  drawn.push(...(await successive(all, count - drawn.length, used, known, lookup, random)));
  return drawn;
}

/**
 * The drawn questions as asked: in guide order (sections in tree order, then deck order) or shuffled, each with
 * its options drawn and shuffled (toQuestion).
 */
export function arrangeQuestions(
  chosen: readonly Candidate[],
  order: ExamConfig['order'],
  sectionOrder: readonly string[],
  random: Random,
): ExamQuestion[] {
  const rank = new Map(sectionOrder.map((id, i) => [id, i]));
  const rankOf = (section: string) => rank.get(section) ?? sectionOrder.length;
  const ordered =
    order === 'guide'
      ? [...chosen].sort((a, b) => rankOf(a.section) - rankOf(b.section) || a.position - b.position)
      : shuffled(chosen, random);
  return ordered.map((candidate) => toQuestion(candidate, random));
}
