import { useEffect, useRef } from 'react';

/**
 * After an answer, the next card's question takes focus, so a screen reader reads it out and keyboard users keep
 * their place. Not on the first card (focus stays where the page put it) and not when the card has a typing box
 * (that box takes focus itself).
 */
export function useFocusOnNextCard(key: string | null) {
  const cardRef = useRef<HTMLElement>(null);
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = key;
    if (before === null || key === null || key === before) return;
    const card = cardRef.current;
    if (!card || card.querySelector('input')) return;
    const question = card.querySelector<HTMLElement>('.prompt-question');
    if (!question) return;
    question.tabIndex = -1;
    question.focus();
  }, [key]);
  return cardRef;
}
