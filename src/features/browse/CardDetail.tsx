import { itemDetail } from '../../db/browse/browseRepo';
import type { ItemKey } from '../../db/browse/query';
import { useDbQuery } from '../../db/react';
import { promptOf } from '../../domain/deck/prompt';
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
  onEdit?: () => void;
}) {
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
        {onEdit && (
          <button type="button" className="button" onClick={onEdit}>
            Edit
          </button>
        )}
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
