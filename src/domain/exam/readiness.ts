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
