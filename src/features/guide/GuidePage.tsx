import './guide.css';
import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { passagesOf } from '../../db/guides';
import { useDbQuery } from '../../db/react';
import type { GuidePassage } from '../../domain/deck/guide';
import { flattenSections } from '../../domain/exam/sections';
import { NotFound } from '../../ui/NotFound';

type Loaded =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'ready'; passages: Map<string, GuidePassage> };

/** The deck's source guide, one part per deck section, each with the anchor `#<section id>`. */
export function GuidePage() {
  const { deckId = '' } = useParams();
  const { hash } = useLocation();
  const deck = useDbQuery((db) => db.decks.get(deckId).then((d) => d ?? null), [deckId]);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

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

  const sections = flattenSections(deck.sections);
  return (
    <article className="guide" aria-labelledby="guide-heading">
      <h1 id="guide-heading">{deck.source.title}</h1>
      <p className="guide-source">
        The source guide of the deck “{deck.title}”, split into the deck's sections.
      </p>
      {loaded.state === 'loading' && <p role="status">Loading the guide…</p>}
      {loaded.state === 'none' && <p>This deck ships no guide.</p>}
      {loaded.state === 'ready' && (
        <>
          <nav aria-label="Guide contents">
            <ol className="guide-toc">
              {sections.map((s) => (
                <li key={s.id} style={{ paddingInlineStart: `${s.depth * 1.25}rem` }}>
                  <a href={`#${s.id}`}>{s.title}</a>
                </li>
              ))}
            </ol>
          </nav>
          {sections.map((s) => {
            const passage = loaded.passages.get(s.id);
            const Heading = s.depth === 0 ? 'h2' : s.depth === 1 ? 'h3' : 'h4';
            return (
              <section key={s.id} className="guide-section" aria-labelledby={s.id}>
                <Heading id={s.id} tabIndex={-1}>
                  {s.title}
                </Heading>
                {passage ? (
                  <pre className="guide-text">{passage.text.split('\n').slice(1).join('\n').trim()}</pre>
                ) : (
                  <p className="guide-missing">This section's heading was not found in the guide.</p>
                )}
              </section>
            );
          })}
        </>
      )}
    </article>
  );
}
