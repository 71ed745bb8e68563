/**
 * A review-log CSV, previewed as history for cards that are stored ("history for N cards of deck X"), attached on
 * "Attach history": the import reader (a worker) adds the answers and replays the cards' FSRS states in one
 * transaction, after a snapshot is taken (undo from Settings → Snapshots, as for other imports).
 */
import { useId, useState } from 'react';
import { useDb } from '../../db/react';
import { takeSnapshot } from '../../db/snapshots';
import type { RevlogAttachSummary } from '../../db/transfer/revlogAttach';
import type { ImportProblem } from '../../domain/transfer/parsedImport';
import { now } from '../../stores/clock';
import { ImportCancelled, type ImportSession } from './importSession';
import { ProblemList } from './ProblemList';
import { ProgressBar } from './ProgressBar';
import { TransferError } from './TransferError';

const n = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

const FORMAT_NAME = {
  'fsrs-optimizer': 'a review log in the FSRS optimizer format',
  'anki-revlog': "Anki's review log (revlog table)",
} as const;

export function RevlogAttachPreview({
  revlog,
  skipped,
  session,
  onDone,
  onCancel,
}: {
  revlog: RevlogAttachSummary;
  skipped: ImportProblem[];
  session: ImportSession;
  onDone: (summary: RevlogAttachSummary) => void;
  onCancel: () => void;
}) {
  const db = useDb();
  const ids = useId();
  const [writing, setWriting] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { deck } = revlog;

  const attach = async () => {
    setWriting({ done: 0, total: 1 });
    setError(null);
    try {
      await takeSnapshot(db, 'import', now());
      onDone(await session.commitRevlog(({ done, total }) => setWriting({ done, total })));
    } catch (e) {
      if (e instanceof ImportCancelled) return;
      setError(`Nothing was attached: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setWriting(null);
    }
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="transfer-step">
      <h2 id={`${ids}-heading`}>Review history in {revlog.fileName}</h2>
      <div className="transfer-summary" role="status" aria-label="History summary">
        <p>
          This file is {FORMAT_NAME[revlog.kind]}, not a deck: {n(revlog.answerRows, 'answer', 'answers')}
          {revlog.skippedCount > 0 &&
            `, and ${n(revlog.skippedCount, 'row that is not an answer', 'rows that are not answers')}`}
          .
        </p>
        {deck ? (
          <>
            <p>
              History for <strong>{n(revlog.cards, 'card', 'cards')}</strong> of your deck “{deck.title}” (
              {n(revlog.matchedRows, 'row matches', 'rows match')}
              {revlog.unknownRows > 0 &&
                `, ${n(revlog.unknownRows, 'row names a card', 'rows name cards')} that ${revlog.unknownRows === 1 ? 'is' : 'are'} not here`}
              ).
            </p>
            <p>
              <strong>{revlog.added.toLocaleString('en')}</strong> answers to add
              {revlog.alreadyStored > 0 && `, ${revlog.alreadyStored.toLocaleString('en')} already stored`}
              {revlog.retired > 0 && `, ${revlog.retired.toLocaleString('en')} for removed cards (left out)`}.
              The cards' schedules are recomputed from their whole history with the deck's FSRS parameters.
            </p>
          </>
        ) : (
          <p>
            None of its {n(revlog.answerRows, 'row names', 'rows name')} a card stored here. Its card ids are
            the numbers of the app that wrote it: import that app's Anki package (.apkg) first, then this
            file.
          </p>
        )}
      </div>
      <ProblemList
        title="Not answers"
        problems={skipped}
        total={revlog.skippedCount}
        downloadAll={session.skippedCsv}
      />
      {writing && <ProgressBar label="Attaching history" done={writing.done} total={writing.total} />}
      <TransferError error={error} />
      <p className="deck-actions">
        <button
          type="button"
          className="button primary"
          disabled={!deck || revlog.added === 0 || writing !== null}
          onClick={() => void attach()}
        >
          {writing ? 'Attaching…' : 'Attach history'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={writing !== null}>
          Cancel
        </button>
      </p>
    </section>
  );
}
