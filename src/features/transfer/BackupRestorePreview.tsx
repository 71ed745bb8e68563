/**
 * Restoring a backup: what the file holds, replace or merge, and an explicit confirmation before replacing.
 * The import reader (a worker) writes it in one transaction, with a progress bar.
 */
import { useId, useState } from 'react';
import { useDb } from '../../db/react';
import { takeSnapshot } from '../../db/snapshots';
import type { RestoreMode, RestoreSummary } from '../../db/transfer/backupRepo';
import { now } from '../../stores/clock';
import type { BackupFile } from './importMessages';
import { ImportCancelled, type ImportSession } from './importSession';
import { ProgressBar } from './ProgressBar';
import { TransferError } from './TransferError';

/** What a table's rows are called, one and many. */
const TABLE_NAMES: Record<string, [string, string]> = {
  decks: ['deck', 'decks'],
  cards: ['card', 'cards'],
  cardStates: ['card progress entry', 'card progress entries (one per card side or cloze blank)'],
  reviewLogs: ['review log entry', 'review log entries'],
  settings: ['setting', 'settings'],
  exams: ['exam', 'exams'],
  media: ['image or sound', 'images and sounds'],
};

function rowsLabel(table: string, n: number): string {
  const names = TABLE_NAMES[table];
  return names ? names[n === 1 ? 0 : 1] : table;
}

export function BackupRestorePreview({
  backup,
  session,
  onDone,
  onCancel,
}: {
  backup: BackupFile;
  session: ImportSession;
  onDone: (summary: RestoreSummary, mode: RestoreMode) => void;
  onCancel: () => void;
}) {
  const db = useDb();
  const ids = useId();
  const { fileName, counts } = backup;
  const isPartial = backup.deckIds !== undefined;
  const [mode, setMode] = useState<RestoreMode>(isPartial ? 'merge' : 'replace');
  const [confirmed, setConfirmed] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setError(null);
    setProgress({ done: 0, total: 1 });
    try {
      await takeSnapshot(db, 'restore', now());
      const summary = await session.restore(mode, ({ done, total }) => setProgress({ done, total }));
      onDone(summary, mode);
    } catch (e) {
      setProgress(null);
      if (e instanceof ImportCancelled) return;
      setError(`Nothing was changed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="transfer-step">
      <h2 id={`${ids}-heading`}>Restore {fileName}</h2>
      <p>
        {isPartial ? `A copy of ${backup.deckIds?.join(', ')} with review state` : 'A full backup'}, made{' '}
        {new Date(backup.exportedAt).toLocaleString()}. It holds:
      </p>
      <ul className="transfer-counts" aria-label="Backup contents">
        {Object.entries(counts).map(([table, n]) => (
          <li key={table}>
            {n} {rowsLabel(table, n)}
          </li>
        ))}
      </ul>
      <fieldset>
        <legend>How to restore</legend>
        <label className="transfer-check">
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={mode === 'replace'}
            disabled={isPartial}
            onChange={() => setMode('replace')}
          />
          Replace everything: delete all decks, cards, review history, settings, images and sounds in this
          browser, then restore the file
        </label>
        <label className="transfer-check">
          <input
            type="radio"
            name={`${ids}-mode`}
            checked={mode === 'merge'}
            onChange={() => setMode('merge')}
          />
          Merge: keep what is here and add the file's data; where both have the same card, each keeps the
          progress of its latest review; answers already here are not added twice; for the same deck, card
          text or setting the file's copy wins
        </label>
      </fieldset>
      {mode === 'replace' && (
        <label className="transfer-check transfer-confirm">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />I
          understand that everything now stored in this browser is replaced
        </label>
      )}
      {progress && <ProgressBar label="Restoring" done={progress.done} total={progress.total} />}
      <TransferError error={error} />
      <p className="deck-actions">
        <button
          type="button"
          className="button primary"
          disabled={(mode === 'replace' && !confirmed) || progress !== null}
          onClick={() => void restore()}
        >
          Restore backup
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={progress !== null}>
          Cancel
        </button>
      </p>
    </section>
  );
}
