/**
 * The summary before an import writes anything: deck id and title (the user's choice), what happens to cards
 * already in the deck (kept unless the user chooses to retire them), counts of new / updated / unchanged / retired
 * cards, skipped rows with why, history. The import reader (a worker) computes the summary and, only on "Import",
 * writes it in one transaction.
 */
import { useEffect, useId, useState } from 'react';
import { useDb } from '../../db/react';
import { takeSnapshot } from '../../db/snapshots';
import type { DeckImportResult } from '../../db/transfer/deckImport';
import { isCardinalId } from '../../domain/transfer/ids';
import {
  DEFAULT_MISSING_CARDS,
  type DeckImportOptions,
  type DeckImportSummary,
} from '../../domain/transfer/importPlan';
import { now } from '../../stores/clock';
import type { DeckFile } from './importMessages';
import { ImportCancelled, type ImportSession } from './importSession';
import { ProblemList } from './ProblemList';
import { ProgressBar } from './ProgressBar';
import { TransferError } from './TransferError';

export function DeckImportPreview({
  deck,
  session,
  onDone,
  onCancel,
}: {
  deck: DeckFile;
  session: ImportSession;
  onDone: (summary: DeckImportSummary) => void;
  onCancel: () => void;
}) {
  const db = useDb();
  const ids = useId();
  const [options, setOptions] = useState<DeckImportOptions>({
    deckId: deck.deckId,
    title: deck.title,
    missing: DEFAULT_MISSING_CARDS,
  });
  const [preview, setPreview] = useState<DeckImportResult | undefined>();
  const [writing, setWriting] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A read that looks wrong (most rows skipped) imports only after the user ticks that it is what they want.
  const [confirmed, setConfirmed] = useState(deck.confirm === undefined);
  const idValid = isCardinalId(options.deckId);
  const titleValid = options.title.trim() !== '' && options.title.length <= 2000;

  useEffect(() => {
    if (!idValid || !titleValid) return;
    let current = true;
    setPreview(undefined);
    session.previewDeck(options, now()).then(
      (result) => current && setPreview(result),
      (e: unknown) => current && !(e instanceof ImportCancelled) && setError(String(e)),
    );
    return () => {
      current = false;
    };
  }, [session, options, idValid, titleValid]);

  const summary = idValid && titleValid && preview?.ok ? preview.summary : undefined;
  const confirm = async () => {
    setWriting({ done: 0, total: 1 });
    setError(null);
    try {
      await takeSnapshot(db, 'import', now());
      const result = await session.commitDeck(options, now(), ({ done, total }) =>
        setWriting({ done, total }),
      );
      if (result.ok) onDone(result.summary);
      else setPreview(result);
    } catch (e) {
      if (e instanceof ImportCancelled) return;
      setError(`Nothing was imported: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setWriting(null);
    }
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="transfer-step">
      <h2 id={`${ids}-heading`}>Import {deck.fileName}</h2>
      <div className="transfer-options">
        <label>
          Deck id
          <input
            value={options.deckId}
            aria-invalid={!idValid}
            aria-describedby={`${ids}-id-help`}
            onChange={(e) => setOptions({ ...options, deckId: e.target.value.trim() })}
          />
        </label>
        <p id={`${ids}-id-help`} className={idValid ? 'transfer-help' : 'transfer-error'}>
          {idValid
            ? 'Importing into an existing deck id updates its cards and keeps their review state.'
            : 'Use lowercase letters, digits, "." or "-", starting with a letter or digit (at most 80).'}
        </p>
        <label>
          Deck title
          <input
            value={options.title}
            aria-invalid={!titleValid}
            onChange={(e) => setOptions({ ...options, title: e.target.value })}
          />
        </label>
        {summary && !summary.isNewDeck && (
          <fieldset>
            <legend>Cards already in “{summary.title}” that this file does not have</legend>
            <label className="transfer-check">
              <input
                type="radio"
                name={`${ids}-missing`}
                checked={options.missing === 'keep'}
                onChange={() => setOptions({ ...options, missing: 'keep' })}
              />
              Keep them
            </label>
            <label className="transfer-check">
              <input
                type="radio"
                name={`${ids}-missing`}
                checked={options.missing === 'retire'}
                onChange={() => setOptions({ ...options, missing: 'retire' })}
              />
              Retire them (kept with their history, never shown again)
            </label>
          </fieldset>
        )}
      </div>
      {preview && !preview.ok && (
        <ProblemList title="This import cannot be written" problems={preview.problems} />
      )}
      {summary ? (
        <div className="transfer-summary" role="status" aria-label="Import summary">
          <p>
            {summary.isNewDeck ? 'A new deck' : `Updates your deck “${summary.title}”`}:{' '}
            <strong>{summary.added}</strong> new, <strong>{summary.updated}</strong> updated,{' '}
            <strong>{summary.unchanged}</strong> unchanged
            {summary.restored > 0 && (
              <>
                , <strong>{summary.restored}</strong> restored
              </>
            )}
            {summary.retired > 0 && (
              <>
                , <strong>{summary.retired}</strong> retired
              </>
            )}
            , <strong>{summary.skippedCount}</strong> skipped.
          </p>
          {deck.historyCount > 0 && (
            <p>
              Review history: {summary.history.added} answers to add
              {summary.history.alreadyStored > 0 && `, ${summary.history.alreadyStored} already stored`}
              {summary.history.unknownItem > 0 && `, ${summary.history.unknownItem} for cards not imported`}.
            </p>
          )}
          {summary.warnings.length > 0 && (
            <ul className="transfer-warnings">
              {summary.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        idValid && titleValid && !preview && <p role="status">Checking…</p>
      )}
      {summary && (
        <ProblemList
          title="Skipped"
          problems={summary.skipped}
          total={summary.skippedCount}
          downloadAll={session.skippedCsv}
        />
      )}
      {deck.confirm !== undefined && (
        <label className="transfer-check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          Import anyway: {deck.confirm}
        </label>
      )}
      {writing && <ProgressBar label="Importing" done={writing.done} total={writing.total} />}
      <TransferError error={error} />
      <p className="deck-actions">
        <button
          type="button"
          className="button primary"
          disabled={!summary || writing !== null || !confirmed}
          onClick={() => void confirm()}
        >
          {writing ? 'Importing…' : 'Import'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={writing !== null}>
          Cancel
        </button>
      </p>
    </section>
  );
}
