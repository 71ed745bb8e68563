/**
 * Readiness: how much of a deck you are predicted to recall on an exam date. Per section it is the mean FSRS
 * retrievability of its review items on that date, counting items never reviewed as 0 (not known); overall
 * it is the mean over all items. Retired items are left out; suspended ones count (they can still be asked).
 */
import type { FsrsFields } from '../records';
import { retrievability } from '../scheduler';
import type { SchedulerSettings } from '../settings';

export type ReadinessItem = { section: string; fsrs: FsrsFields; retired: boolean };

export type SectionReadiness = {
  sectionId: string;
  title: string;
  items: number;
  /** Items reviewed at least once. */
  seen: number;
  /** Mean predicted recall on the date, 0–1. */
  predicted: number;
};

export type Readiness = { sections: SectionReadiness[]; items: number; seen: number; overall: number };

/**
 * @example readiness(items, [{ id: 'san', title: 'SAN' }], examDate, settings).overall // 0.63
 */
export function readiness(
  items: readonly ReadinessItem[],
  sections: ReadonlyArray<{ id: string; title: string }>,
  at: number,
  settings: SchedulerSettings,
): Readiness {
  const live = items.filter((i) => !i.retired);
  const recallOf = (item: ReadinessItem) => retrievability(item.fsrs, at, settings);
  const summarize = (group: readonly ReadinessItem[]) => ({
    items: group.length,
    seen: group.filter((i) => i.fsrs.state !== 0).length,
    predicted: group.length === 0 ? 0 : group.reduce((sum, i) => sum + recallOf(i), 0) / group.length,
  });
  const perSection = sections.flatMap(({ id, title }) => {
    const group = live.filter((i) => i.section === id);
    return group.length === 0 ? [] : [{ sectionId: id, title, ...summarize(group) }];
  });
  const all = summarize(live);
  return { sections: perSection, items: all.items, seen: all.seen, overall: all.predicted };
}

/**
 * Predicted recall per tag, for a deck without sections of its own (one section, as a deck you create or import
 * without a section column has): an item counts under each tag of its card (`tagsOf`), tags in alphabetical order;
 * items of untagged cards are left out of these rows (they still count in the overall figure).
 * @example readinessByTag(items, (cardId) => tags.get(cardId) ?? [], examDate, settings)[0].title // "ports"
 */
export function readinessByTag(
  items: ReadonlyArray<ReadinessItem & { cardId: string }>,
  tagsOf: (cardId: string) => readonly string[],
  at: number,
  settings: SchedulerSettings,
): SectionReadiness[] {
  const groups = new Map<string, { items: number; seen: number; recall: number }>();
  for (const item of items) {
    if (item.retired) continue;
    const recall = retrievability(item.fsrs, at, settings);
    for (const tag of tagsOf(item.cardId)) {
      const group = groups.get(tag) ?? { items: 0, seen: 0, recall: 0 };
      group.items++;
      if (item.fsrs.state !== 0) group.seen++;
      group.recall += recall;
      groups.set(tag, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, g]) => ({
      sectionId: tag,
      title: tag,
      items: g.items,
      seen: g.seen,
      predicted: g.recall / g.items,
    }));
}

/** The predicted score a study plan aims for. */
export const READINESS_TARGET = 0.8;

export type StudyPlan = {
  target: number;
  /** New items still to study to reach the target. */
  itemsNeeded: number;
  /** Days of study at `newPerDay` to introduce them (Infinity when the limit is 0). */
  daysAtLimit: number;
  /** New items a day needed to introduce them by the exam (null when no day is left). */
  perDayForExam: number | null;
};

/**
 * What to study to reach `target` on the exam: the model is that every item you study and keep reviewing is
 * recalled at about the desired retention (FSRS schedules each review for that), and items never studied are not
 * known. So the target needs target / desiredRetention of the items studied. Returns null when the target is
 * above the desired retention (it cannot be reached that way) or is already within reach.
 * @example studyPlan({ items: 500, seen: 0 }, 30, 20, 0.9).daysAtLimit // 23 (445 items at 20 a day)
 */
export function studyPlan(
  progress: { items: number; seen: number },
  daysLeft: number,
  newPerDay: number,
  desiredRetention: number,
  target = READINESS_TARGET,
): StudyPlan | null {
  if (target > desiredRetention || progress.items === 0) return null;
  const itemsNeeded = Math.max(0, Math.ceil((target * progress.items) / desiredRetention) - progress.seen);
  if (itemsNeeded === 0) return null;
  return {
    target,
    itemsNeeded,
    daysAtLimit: newPerDay > 0 ? Math.ceil(itemsNeeded / newPerDay) : Number.POSITIVE_INFINITY,
    perDayForExam: daysLeft > 0 ? Math.ceil(itemsNeeded / daysLeft) : null,
  };
}
