import type { DeckRecord } from '../../domain/records';
import { useGuidePassage } from './useGuidePassage';

/** "From the guide": the passage of the source a card's section follows, collapsed by default. */
export function GuideExcerpt({ deck, sectionId }: { deck: DeckRecord | undefined; sectionId: string }) {
  const passage = useGuidePassage(deck, sectionId);
  if (!passage) return null;
  return (
    <details className="guide-excerpt">
      <summary>
        From the guide: {passage.text.split('\n')[0]} (lines {passage.startLine}–{passage.endLine})
      </summary>
      <pre>{passage.text}</pre>
    </details>
  );
}
