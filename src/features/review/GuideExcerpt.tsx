import './guideExcerpt.css';
import { memo, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { cardText, type GuideExcerpt as Excerpt, findExcerpt } from '../../domain/deck/guideExcerpt';
import type { Card } from '../../domain/deck/schema';
import { flattenSections } from '../../domain/exam/sections';
import type { DeckRecord } from '../../domain/records';
import { GuideTable } from '../../ui/GuideBlocks';
import { useGuidePassage } from './useGuidePassage';

/**
 * "From the guide": the sentence, list item or table row the card comes from, highlighted, with its sub-heading;
 * "more" shows the whole paragraph, list or table around it. Links to the section in the guide.
 */
export const GuideExcerpt = memo(function GuideExcerpt({
  deck,
  sectionId,
  card,
}: {
  deck: DeckRecord | undefined;
  sectionId: string;
  card: Card | undefined;
}) {
  const passage = useGuidePassage(deck, sectionId);
  const excerpt = useMemo(
    () => (passage && card ? findExcerpt(passage.blocks, cardText(card)) : null),
    [passage, card],
  );
  // Expanded for one card only: the next card starts collapsed.
  const [expandedFor, setExpandedFor] = useState<string | null>(null);
  const expanded = card !== undefined && expandedFor === card.id;
  const bodyId = useId();
  if (!passage || !deck) return null;
  const title = flattenSections(deck.sections).find((s) => s.id === sectionId)?.title ?? sectionId;
  const more = excerpt !== null && hasMore(excerpt);
  return (
    <section className="guide-excerpt" aria-label="From the guide">
      <p className="guide-excerpt-title">
        From the guide:{' '}
        <Link to={`/decks/${encodeURIComponent(deck.id)}/guide#${encodeURIComponent(sectionId)}`}>
          {title}
        </Link>
      </p>
      {excerpt && (
        <div id={bodyId} className={`guide-excerpt-body${expanded ? ' expanded' : ''}`}>
          {excerpt.heading && <p className="guide-excerpt-heading">{excerpt.heading}</p>}
          <ExcerptBody excerpt={excerpt} expanded={expanded} />
        </div>
      )}
      {more && (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpandedFor(expanded ? null : (card?.id ?? null))}
        >
          {expanded ? 'less' : 'more'}
        </button>
      )}
    </section>
  );
});

function hasMore(excerpt: Excerpt): boolean {
  if (excerpt.kind === 'paragraph') return excerpt.sentences.length > 1;
  if (excerpt.kind === 'list') return excerpt.items.length > 1;
  return excerpt.rows.length > 1;
}

function ExcerptBody({ excerpt, expanded }: { excerpt: Excerpt; expanded: boolean }) {
  switch (excerpt.kind) {
    case 'paragraph': {
      const shown = expanded ? excerpt.sentences : [excerpt.sentences[excerpt.match] ?? ''];
      const match = expanded ? excerpt.match : 0;
      return (
        <p>
          {shown.map((sentence, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sentences are positional
            <span key={i}>
              {i > 0 && ' '}
              {i === match ? <mark>{sentence}</mark> : sentence}
            </span>
          ))}
        </p>
      );
    }
    case 'list': {
      const shown = expanded ? excerpt.items : [excerpt.items[excerpt.match] ?? ''];
      const match = expanded ? excerpt.match : 0;
      return (
        <ul>
          {shown.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
            <li key={i}>{i === match ? <mark>{item}</mark> : item}</li>
          ))}
        </ul>
      );
    }
    case 'table':
      return (
        <GuideTable
          header={excerpt.header}
          rows={expanded ? excerpt.rows : [excerpt.rows[excerpt.match] ?? []]}
          highlight={expanded ? excerpt.match : 0}
        />
      );
  }
}
