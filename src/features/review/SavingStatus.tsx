/**
 * Says so when answers are slow to be stored. An answer is normally stored within milliseconds, behind the next
 * card (stores/answerCommits.ts). When the database is busy (a full backup being exported, or another tab reading
 * or writing a lot, on a slow disk) answers wait in line; after SLOW_SAVE_MS with answers still waiting the review
 * screen says how many, and asks to keep the tab open until they are stored (leaving also asks first).
 */
import { useEffect, useState } from 'react';
import { useReviewSession } from '../../stores/reviewSession';

export const SLOW_SAVE_MS = 2_000;

export function SavingStatus() {
  const pending = useReviewSession((s) => s.pending);
  const waiting = pending > 0;
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), SLOW_SAVE_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  return (
    <p className={slow ? 'notice' : 'visually-hidden'} role="status" aria-label="Saving answers">
      {slow &&
        `Saving ${pending === 1 ? 'your answer' : `${pending} answers`}… The database is busy; keep this tab open until ${pending === 1 ? 'it is' : 'they are'} saved.`}
    </p>
  );
}
