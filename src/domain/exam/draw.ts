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

/** The eligible cards of one section: `size` of them, at positions 0 … size − 1 in a fixed (index) order. */
export type SectionPool = { section: string; size: number };

/** A position in a pool (`pool` indexes the pools given to drawExamCards). */
export type PoolPick = { pool: number; index: number };

/** The card at a position with its items, or null when it no longer asks anything. */
export type PickedCard = { cardId: string; items: CardItems } | null;

/**
 * The cards at some positions, in the same order. Called once per round of picks (a few rounds per exam), so the
 * caller can read them in one batch.
 */
export type PickLookup = (picks: readonly PoolPick[]) => Promise<PickedCard[]>;

export type Drawn = { cardId: string; itemId: string };

const clamp = (weight: number) => Math.min(MAX_WEIGHT, Math.max(1, weight));
/** Picks per uncovered section per coverage round: with weights ≥ 1 a round covers a section with p ≥ 0.52. */
const COVER_PICKS = 4;
const MAX_PICKS = 4096;
/** A bound on rounds, reached only if the lookup contradicts itself. */
const MAX_ROUNDS = 10_000;

/**
 * Which cards an exam of `count` questions asks, and which item of each (see the top of this file): coverage of
 * every section first, then the rest from every selected section together. `pools` come in section order; a
 * card is in one pool only. Positions are picked uniformly (a pick of a card already drawn is a rejection), so
 * nothing needs the list of eligible cards: only the picked positions are looked up.
 */
export async function drawExamCards(input: {
  pools: readonly SectionPool[];
  count: number;
  lookup: PickLookup;
  random: Random;
}): Promise<Drawn[]> {
  const { pools, count, lookup, random } = input;
  const used = new Set<string>();
  const taken = pools.map(() => 0);
  const gone = new Set<string>();
  const goneIn = pools.map(() => 0);
  const drawn: Drawn[] = [];
  const exhausted = (pool: number) => (taken[pool] ?? 0) + (goneIn[pool] ?? 0) >= (pools[pool]?.size ?? 0);

  /** Looks the picks up and takes, in pick order, each card that passes its acceptance test. */
  async function round(
    picks: (PoolPick & { u: number })[],
    wanted: (pick: PoolPick) => boolean,
    onTaken: (pick: PoolPick) => void = () => undefined,
  ) {
    const cards = await lookup(picks.map(({ pool, index }) => ({ pool, index })));
    picks.forEach((pick, j) => {
      if (drawn.length >= count || !wanted(pick)) return;
      const card = cards[j];
      if (!card || card.items.length === 0) {
        const position = `${pick.pool}:${pick.index}`;
        if (!gone.has(position)) {
          gone.add(position);
          goneIn[pick.pool] = (goneIn[pick.pool] ?? 0) + 1;
        }
        return;
      }
      if (used.has(card.cardId)) return;
      const weights = card.items.map((i) => clamp(i.weight));
      if (pick.u * MAX_WEIGHT >= Math.max(...weights)) return;
      used.add(card.cardId);
      taken[pick.pool] = (taken[pick.pool] ?? 0) + 1;
      drawn.push({ cardId: card.cardId, itemId: pickItem(card.items, weights, random) });
      onTaken(pick);
    });
  }

  // Coverage: one card per section, drawn from that section alone, all sections in the same rounds. With fewer
  // questions than sections, the sections covered are drawn in proportion to their size (Efraimidis–Spirakis keys
  // over the few sections).
  const live = pools.flatMap((p, i) => (p.size > 0 ? [{ i, key: random() ** (1 / p.size) }] : []));
  let pending = (live.length <= count ? live : [...live].sort((a, b) => b.key - a.key).slice(0, count)).map(
    (s) => s.i,
  );
  for (let r = 0; pending.length > 0 && drawn.length < count && r < MAX_ROUNDS; r++) {
    const picks = pending.flatMap((pool) =>
      Array.from({ length: COVER_PICKS }, () => ({
        pool,
        index: Math.floor(random() * (pools[pool]?.size ?? 0)),
        u: random(),
      })),
    );
    const covered = new Set<number>();
    await round(
      picks,
      (pick) => !covered.has(pick.pool),
      (pick) => covered.add(pick.pool),
    );
    pending = pending.filter((pool) => !covered.has(pool) && !exhausted(pool));
  }

  // Then the rest, from every pool together: a uniform position over all of them, then the acceptance test.
  const total = pools.reduce((n, p) => n + p.size, 0);
  const starts: number[] = [];
  pools.reduce((n, p) => {
    starts.push(n);
    return n + p.size;
  }, 0);
  const poolAt = (position: number) => {
    let lo = 0;
    let hi = pools.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (let r = 0; drawn.length < count && used.size + gone.size < total && r < MAX_ROUNDS; r++) {
    const left = total - used.size - gone.size;
    const need = count - drawn.length;
    // About 3 picks per question still wanted (mean weight ≥ 2 accepts one in 3), more when most positions are
    // already taken.
    const size = Math.min(MAX_PICKS, Math.max(8, Math.ceil((3 * need * total) / left)));
    const picks = Array.from({ length: size }, () => {
      const position = Math.floor(random() * total);
      const pool = poolAt(position);
      return { pool, index: position - (starts[pool] ?? 0), u: random() };
    });
    await round(picks, () => true);
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
