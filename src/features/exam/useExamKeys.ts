import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../ui/keyboard';

type Handlers = {
  active: boolean;
  reviewing: boolean;
  optionCount: number;
  onChoose: (index: number) => void;
  onFlag: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onReview: () => void;
  /** In the review grid: S submits, Escape goes back to the questions. */
  onSubmit: () => void;
  onBack: () => void;
};

/**
 * Exam keys: 1–9 pick an option, f flags for review, ← / → (or p / n) move between questions, r opens the
 * review grid; in the grid, s submits and Escape goes back. Keys typed into a field, and keys with Ctrl/Alt/Meta, are left alone.
 */
export function useExamKeys(handlers: Handlers) {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const h = latest.current;
      if (!h.active || isTypingTarget(event.target) || event.altKey || event.metaKey || event.ctrlKey) return;
      if (h.reviewing) {
        const grid: Record<string, (() => void) | undefined> = {
          s: h.onSubmit,
          S: h.onSubmit,
          Escape: h.onBack,
        };
        const action = grid[event.key];
        if (action && !event.repeat) {
          event.preventDefault();
          action();
        }
        return;
      }
      const n = Number(event.key);
      if (Number.isInteger(n) && n >= 1 && n <= Math.min(9, h.optionCount)) {
        event.preventDefault();
        return h.onChoose(n - 1);
      }
      const act: Record<string, (() => void) | undefined> = {
        f: h.onFlag,
        ArrowLeft: h.onPrevious,
        p: h.onPrevious,
        ArrowRight: h.onNext,
        n: h.onNext,
        r: h.onReview,
      };
      const action = act[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
