import { useEffect, useRef } from 'react';
import type { Prompt } from '../../domain/deck/prompt';
import type { Grade4 } from '../../domain/scheduler';
import type { ReviewPhase } from '../../stores/reviewSession';
import { isTypingTarget } from '../../ui/keyboard';

type Handlers = {
  /** False while the screen still shows an answered item (the next one is loading). */
  active: boolean;
  phase: ReviewPhase;
  prompt: Prompt | null;
  suggested: Grade4 | null;
  canUndo: boolean;
  onReveal: () => void;
  onChoose: (choice: number) => void;
  onGrade: (rating: Grade4) => void;
  onUndo: () => void;
  onBury: () => void;
  onSuspend: () => void;
  onMark: () => void;
};

/**
 * Anki's review keys: Space/Enter reveal (and, on the answer, take the suggested grade or Good), 1–4 grade,
 * u or Ctrl+Z undo, - bury, @ suspend, * mark. On multiple choice questions 1–9 pick an option (t/f for
 * true/false) and Space shows the answer unanswered. Keys typed into a text field are left alone, except Enter (which the form handles).
 */
export function useReviewKeys(handlers: Handlers) {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const h = latest.current;
      const target = event.target as HTMLElement | null;
      if (isTypingTarget(target) || event.altKey || event.metaKey) return;
      const onButton =
        target?.tagName === 'BUTTON' || target?.tagName === 'A' || target?.tagName === 'SUMMARY';

      if ((event.key === 'z' || event.key === 'Z') && event.ctrlKey) {
        if (h.canUndo) {
          event.preventDefault();
          h.onUndo();
        }
        return;
      }
      if (event.ctrlKey) return;
      if (event.key === 'u') return void (h.canUndo && h.onUndo());
      if (!h.active || !h.prompt) return;
      if (event.key === '-') return h.onBury();
      if (event.key === '@') return h.onSuspend();
      if (event.key === '*') return h.onMark();

      const isReveal = event.key === ' ' || event.key === 'Enter';
      if (h.phase === 'question') {
        if (h.prompt.kind === 'choice') {
          const n = Number(event.key);
          const isTrueFalse = h.prompt.options.length === 2 && h.prompt.options[0] === 'True';
          if (isTrueFalse && (event.key === 't' || event.key === 'f')) {
            event.preventDefault();
            return h.onChoose(event.key === 't' ? 0 : 1);
          }
          if (Number.isInteger(n) && n >= 1 && n <= Math.min(9, h.prompt.options.length)) {
            event.preventDefault();
            return h.onChoose(n - 1);
          }
          // Space shows the answer without choosing (graded as not answered: Again is suggested).
          if (event.key === ' ' && !onButton) {
            event.preventDefault();
            h.onReveal();
          }
          return;
        }
        if (isReveal && !onButton) {
          event.preventDefault();
          h.onReveal();
        }
        return;
      }
      if (['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault();
        return h.onGrade(Number(event.key) as Grade4);
      }
      if (isReveal && !onButton) {
        event.preventDefault();
        h.onGrade(h.suggested ?? 3);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
