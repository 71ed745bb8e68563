import '../../ui/editor.css';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addCard, getLastAdd, putLastAdd } from '../../db/cardEdits';
import { listDecks } from '../../db/decksRepo';
import { useDb, useDbQuery } from '../../db/react';
import type { CardKind } from '../../domain/deck/schema';
import { type CardIssue, validateCard } from '../../domain/deck/validateCard';
import { flattenSections } from '../../domain/exam/sections';
import type { DeckRecord } from '../../domain/records';
import { now } from '../../stores/clock';
import { CardForm } from './CardForm';
import { cardOf, type Draft, emptyDraft } from './draft';
import { KIND_LABELS } from './kinds';

/**
 * Add cards to a deck, one after another. The deck comes from `?deck=`, else the deck and kind used last time.
 */
export function AddCardPage() {
  const db = useDb();
  const [params] = useSearchParams();
  const data = useDbQuery(async (d) => ({ decks: await listDecks(d), last: await getLastAdd(d) }), []);
  useEffect(() => {
    document.title = 'Add card · Cardinal';
  }, []);
  if (data === undefined) return <p role="status">Loading…</p>;
  if (data.decks.length === 0)
    return (
      <section>
        <h1>Add card</h1>
        <p>
          There is no deck to add to yet. <Link to="/decks/new">Create a deck</Link> first.
        </p>
      </section>
    );
  const asked = params.get('deck');
  const deckId =
    data.decks.find((d) => d.id === asked)?.id ??
    data.decks.find((d) => d.id === data.last?.deckId)?.id ??
    (data.decks[0] as DeckRecord).id;
  return (
    <AddCardForm
      key={deckId}
      decks={data.decks}
      initialDeck={deckId}
      initialKind={data.last?.kind ?? 'basic'}
      db={db}
    />
  );
}

function AddCardForm(props: {
  decks: readonly DeckRecord[];
  initialDeck: string;
  initialKind: CardKind;
  db: ReturnType<typeof useDb>;
}) {
  const { decks, db } = props;
  const [deckId, setDeckId] = useState(props.initialDeck);
  const deck = decks.find((d) => d.id === deckId) ?? (decks[0] as DeckRecord);
  const sections = flattenSections(deck.sections);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(props.initialKind, sections[0]?.id ?? ''));
  const [issues, setIssues] = useState<CardIssue[]>([]);
  const [added, setAdded] = useState<{ count: number; deck: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onAdd = async () => {
    setError(null);
    const result = validateCard(cardOf(draft, 'new-card'));
    if (!result.ok) {
      setIssues(result.issues);
      setAdded(null);
      return;
    }
    setIssues([]);
    try {
      await addCard(db, deck.id, result.card, now());
      await putLastAdd(db, deck.id, draft.kind);
      setAdded((a) => ({ count: (a?.deck === deck.title ? a.count : 0) + 1, deck: deck.title }));
      // Ready for the next card of the same kind and section; tags stay, as in Anki.
      setDraft({ ...emptyDraft(draft.kind, draft.section), tags: draft.tags });
      document.getElementById(firstField(draft.kind))?.focus();
    } catch (e) {
      setError(`The card was not added: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="card-editor" aria-labelledby="editor-heading">
      <h1 id="editor-heading">Add card</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onAdd();
        }}
      >
        <div className="editor-choices">
          <div className="field">
            <label htmlFor="field-deck">Deck</label>
            <select
              id="field-deck"
              value={deck.id}
              onChange={(e) => {
                const next = decks.find((d) => d.id === e.target.value);
                setDeckId(e.target.value);
                setDraft({ ...draft, section: next ? (flattenSections(next.sections)[0]?.id ?? '') : '' });
              }}
            >
              {decks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="field-kind">Kind</label>
            <select
              id="field-kind"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as CardKind })}
            >
              {Object.entries(KIND_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <CardForm draft={draft} onChange={setDraft} sections={sections} issues={issues} />
        {issues.length > 0 && (
          <p className="form-error" role="alert">
            The card was not added: {issues.length === 1 ? 'one field needs' : `${issues.length} fields need`}{' '}
            a fix.
          </p>
        )}
        <div className="editor-actions">
          <button type="submit" className="button primary">
            Add card
          </button>
          <Link className="button" to={`/browse?deck=${encodeURIComponent(deck.id)}`}>
            Browse {deck.title}
          </Link>
          <Link className="button" to={`/review/${encodeURIComponent(deck.id)}`}>
            Study {deck.title}
          </Link>
        </div>
        <p role="status" className="editor-status">
          {added ? `Added ${added.count === 1 ? 'a card' : `${added.count} cards`} to ${added.deck}.` : ''}
        </p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

function firstField(kind: CardKind): string {
  return { basic: 'field-front', cloze: 'field-text', mcq: 'field-prompt', truefalse: 'field-statement' }[
    kind
  ];
}
