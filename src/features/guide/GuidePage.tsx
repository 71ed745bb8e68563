import './guide.css';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { type GuideSectionText, passagesOf } from '../../db/guides';
import { useDbQuery } from '../../db/react';
import { cardsPerSection } from '../../db/sectionCounts';
import { sectionWithDescendants } from '../../domain/deck/sectionScope';
import { flattenSections } from '../../domain/exam/sections';
import { GuideBlocks } from '../../ui/GuideBlocks';
import { NotFound } from '../../ui/NotFound';
import { GuideSectionLinks } from './GuideSectionLinks';

type Loaded =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'ready'; passages: Map<string, GuideSectionText> };

/**
 * The deck's source guide as a document: a contents list (sticky beside the text on wide screens), one part per
 * deck section with its anchor `#<section id>`, its card count and links to study or browse its cards.
 */
export function GuidePage() {
  const { deckId = '' } = useParams();
  const { hash } = useLocation();
  const deck = useDbQuery((db) => db.decks.get(deckId).then((d) => d ?? null), [deckId]);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const sections = useMemo(() => (deck ? flattenSections(deck.sections) : []), [deck]);
  const ownCounts = useDbQuery(
    (db) =>
      deck
        ? cardsPerSection(
            db,
            deck.id,
            sections.map((s) => s.id),
          )
        : Promise.resolve(undefined),
    [deck, sections],
  );

  useEffect(() => {
    if (!deck) return;
    let cancelled = false;
    const pending = passagesOf(deck);
    if (!pending) {
      setLoaded({ state: 'none' });
      return;
    }
    void pending.then((passages) => {
      if (!cancelled) setLoaded({ state: 'ready', passages });
    });
    return () => {
      cancelled = true;
    };
  }, [deck]);

  // The section asked for in the address is scrolled to and focused once the guide is in the page.
  useEffect(() => {
    if (loaded.state !== 'ready' || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView?.();
    target?.focus();
  }, [loaded, hash]);

  if (deck === undefined) return <p role="status">Loading…</p>;
  if (deck === null)
    return <NotFound what="deck" id={deckId} back={{ to: '/', label: 'Go to your decks' }} />;

  // A section's count includes its sub-sections', as "Study this section" does.
  const cardsOf = (id: string) =>
    ownCounts === undefined
      ? undefined
      : (sectionWithDescendants(deck.sections, id) ?? []).reduce((n, s) => n + (ownCounts.get(s) ?? 0), 0);

  return (
    <article className="guide" aria-labelledby="guide-heading">
      <h1 id="guide-heading" tabIndex={-1}>
        {deck.source.title}
      </h1>
      <p className="guide-source">The source guide of the deck “{deck.title}”, section by section.</p>
      {loaded.state === 'loading' && <p role="status">Loading the guide…</p>}
      {loaded.state === 'none' && <p>This deck ships no guide.</p>}
      {loaded.state === 'ready' && (
        <div className="guide-layout">
          <nav aria-label="Guide contents" className="guide-contents" id="guide-contents">
            <h2 className="guide-contents-title">Contents</h2>
            <ol className="guide-toc">
              {sections.map((s) => (
                <li key={s.id} style={{ paddingInlineStart: `${s.depth * 1}rem` }}>
                  <a href={`#${s.id}`}>{s.title}</a>
                </li>
              ))}
            </ol>
          </nav>
          <div className="guide-body">
            {sections.map((s) => {
              const passage = loaded.passages.get(s.id);
              const level = Math.min(s.depth + 2, 4) as 2 | 3 | 4;
              const Heading = `h${level}` as const;
              return (
                <section key={s.id} className="guide-section" aria-labelledby={s.id}>
                  <Heading id={s.id} tabIndex={-1}>
                    {s.title}
                  </Heading>
                  <GuideSectionLinks
                    deckId={deck.id}
                    sectionId={s.id}
                    title={s.title}
                    cards={cardsOf(s.id)}
                  />
                  {passage ? (
                    <GuideBlocks blocks={passage.blocks} headingLevel={(level + 1) as 3 | 4 | 5} />
                  ) : (
                    <p className="guide-missing">This section's heading was not found in the guide.</p>
                  )}
                  <p className="guide-back">
                    <a href="#guide-contents">Back to contents</a>
                  </p>
                </section>
              );
            })}
          </div>
          <a className="guide-to-contents" href="#guide-contents">
            ↑ Contents
          </a>
        </div>
      )}
    </article>
  );
}
