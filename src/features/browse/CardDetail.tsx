import { itemDetail } from '../../db/browse/browseRepo';
import type { ItemKey } from '../../db/browse/query';
import { resolveUpstream } from '../../db/cardEdits';
import { useDb, useDbQuery } from '../../db/react';
import { cardText } from '../../domain/browse/words';
import { promptOf } from '../../domain/deck/prompt';
import type { Card } from '../../domain/deck/schema';
import { GRADE_NAMES } from '../../domain/scheduler';
import { cellText, formatDay } from './columns';

const STATE_BEFORE = ['New', 'Learning', 'Review', 'Relearning'] as const;
const SOURCE_NAMES = { review: 'Review', exam: 'Exam', import: 'Import' } as const;

/** One item: the card as review shows it, its FSRS state and its whole review history. */
export function CardDetail({
  itemKey,
  now,
  onClose,
  onEdit,
}: {
  itemKey: ItemKey;
  now: number;
  onClose: () => void;
  onEdit: (cardId: string) => void;
}) {
  const db = useDb();
  const detail = useDbQuery((db) => itemDetail(db, itemKey, now), [itemKey[0], itemKey[1], now]);
  if (detail === undefined) return <aside className="card-detail">Loading…</aside>;
  if (detail === null)
    return (
      <aside className="card-detail">
        <p>This card is no longer there.</p>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </aside>
    );
  const { row, logs } = detail;
  const prompt = promptOf(row.card.card, row.item.ordinal);
  return (
    <aside className="card-detail" aria-labelledby="detail-heading">
      <div className="detail-head">
        <h2 id="detail-heading">Card</h2>
        <button type="button" className="button" onClick={() => onEdit(row.card.id)}>
          Edit
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <section className="detail-preview" aria-label="As shown in review">
        {prompt.kind === 'cloze' ? (
          <p className="prompt-question">
            {prompt.segments.map((s, i) =>
              s.type === 'text' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed for one card
                <span key={i}>{s.text}</span>
              ) : s.n === prompt.n ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed for one card
                <mark key={i} className="cloze-answer">
                  {s.answer}
                </mark>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed for one card
                <span key={i}>{s.answer}</span>
              ),
            )}
          </p>
        ) : prompt.kind === 'choice' ? (
          <>
            <p className="prompt-question">{prompt.question}</p>
            <ol className="detail-options">
              {prompt.options.map((o, i) => (
                <li key={o}>
                  {o}
                  {prompt.correct.includes(i) ? ' ✓ (correct)' : ''}
                </li>
              ))}
            </ol>
            <p className="explanation">{prompt.explanation}</p>
          </>
        ) : (
          <>
            <p className="prompt-question">{prompt.question}</p>
            <hr />
            <p className="prompt-answer">{prompt.answer}</p>
          </>
        )}
      </section>
      {row.card.userEdit?.upstream !== undefined && (
        <UpstreamChoice
          mine={row.card.card}
          theirs={row.card.userEdit.upstream}
          onChoose={(choice) => void resolveUpstream(db, row.card.deckId, row.card.id, choice, now)}
        />
      )}
      {row.flag > 0 && <p className={`flag-${row.flag}`}>Flag: {cellText(row, 'flag', now)}</p>}
      <dl className="detail-state">
        <dt>Deck</dt>
        <dd>
          {row.deckTitle} · {row.sectionTitle}
        </dd>
        <dt>State</dt>
        <dd>
          {row.state}
          {row.item.leech ? ' · leech' : ''}
          {row.marked ? ' · marked' : ''}
        </dd>
        <dt>Due</dt>
        <dd>{cellText(row, 'due', now) || 'New: in the new queue'}</dd>
        <dt>Interval</dt>
        <dd>{cellText(row, 'interval', now) || '–'}</dd>
        <dt>Stability</dt>
        <dd>{cellText(row, 'stability', now) || '–'}</dd>
        <dt>Difficulty</dt>
        <dd>{cellText(row, 'difficulty', now) || '–'}</dd>
        <dt>Recall now</dt>
        <dd>{cellText(row, 'retrievability', now) || '–'}</dd>
        <dt>Reviews · lapses</dt>
        <dd>
          {row.reviews} · {row.lapses}
        </dd>
        <dt>Tags</dt>
        <dd>{row.tags.join(' ') || '–'}</dd>
      </dl>
      <h3>Review history</h3>
      {logs.length === 0 ? (
        <p>Never reviewed.</p>
      ) : (
        <div className="table-scroll">
          <table className="detail-history">
            <caption className="visually-hidden">Review history, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Rating</th>
                <th scope="col">State before</th>
                <th scope="col">Interval before</th>
                <th scope="col">Time</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {logs.map((log) => (
                <tr key={log.id}>
                  <td>
                    {formatDay(log.review)}{' '}
                    {new Date(log.review).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}
                  </td>
                  <td>{GRADE_NAMES[log.rating]}</td>
                  <td>{STATE_BEFORE[log.state]}</td>
                  <td>{log.state === 0 ? '–' : `${log.scheduled_days}d`}</td>
                  <td>{(log.durationMs / 1000).toFixed(1)}s</td>
                  <td>{SOURCE_NAMES[log.source]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </aside>
  );
}

/** An edited card whose shipped text changed (or was removed): both versions, and the user's choice. */
function UpstreamChoice({
  mine,
  theirs,
  onChoose,
}: {
  mine: Card;
  theirs: Card | null;
  onChoose: (choice: 'mine' | 'theirs') => void;
}) {
  return (
    <section className="upstream" aria-labelledby="upstream-heading">
      <h3 id="upstream-heading">Updated upstream</h3>
      <p>
        {theirs === null
          ? 'The shipped deck no longer has this card. You changed it, so it was kept.'
          : 'The shipped deck changed this card since you edited it. Your version is kept until you choose.'}
      </p>
      <div className="upstream-versions">
        <div>
          <h4>Yours</h4>
          <p>{cardText(mine)}</p>
        </div>
        <div>
          <h4>Shipped</h4>
          <p>{theirs === null ? '(removed)' : cardText(theirs)}</p>
        </div>
      </div>
      <button type="button" className="button" onClick={() => onChoose('mine')}>
        Keep mine
      </button>{' '}
      <button type="button" className="button" onClick={() => onChoose('theirs')}>
        {theirs === null ? 'Take theirs (retire this card)' : 'Take theirs'}
      </button>
    </section>
  );
}
