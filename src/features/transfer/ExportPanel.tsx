/**
 * Export: a full backup, one deck (with or without review state, as CSV, or as an Anki package), review logs for
 * the FSRS optimizer.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { runBackupJob } from '../../db/backupJobs';
import { noteBackupExported } from '../../db/backupStatus';
import { listDecks } from '../../db/decksRepo';
import { useDb, useDbQuery } from '../../db/react';
import { loadApkgExport } from '../../db/transfer/apkgExportData';
import { loadDeckFile, loadReviewLogs, loadRevlogCardIds } from '../../db/transfer/exports';
import { deckToCsv } from '../../domain/transfer/csv/writeCsv';
import { reviewLogsToFsrsCsv } from '../../domain/transfer/revlogCsv';
import { now } from '../../stores/clock';
import { exportApkg } from './exportApkg';
import { ProgressBar } from './ProgressBar';
import { dateStamp, saveFile } from './saveFile';

const JSON_TYPE = 'application/json';
const GZIP_TYPE = 'application/gzip';
const CSV_TYPE = 'text/csv';

export function ExportPanel() {
  const db = useDb();
  const decks = useDbQuery((d) => listDecks(d), []);
  // /transfer?deck=<id> preselects a deck (for an "Export" link beside each deck).
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState(params.get('deck') ?? '');
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [withHistory, setWithHistory] = useState(true);
  const deckId = decks?.some((d) => d.id === chosen) ? chosen : (decks?.[0]?.id ?? '');

  const run = async (label: string, work: () => Promise<string>) => {
    setMessage(null);
    setProgress({ label, done: 0, total: 1 });
    try {
      setMessage(await work());
    } catch (e) {
      setMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setProgress(null);
    }
  };

  // Backups are read and compressed in the backup worker (db/backupJobs.ts): the page only gets the file.
  const fullBackup = () =>
    run('Exporting backup', async () => {
      const at = now();
      const { blob } = await runBackupJob(db, { type: 'export', exportedAt: at }, (done, total) =>
        setProgress({ label: 'Exporting backup', done, total }),
      );
      const name = `cardinal-backup-${dateStamp(at)}.json.gz`;
      saveFile(name, [blob], GZIP_TYPE);
      await noteBackupExported(db, at);
      return `Saved ${name}.`;
    });

  const deckFile = (withState: boolean) =>
    run('Exporting deck', async () => {
      if (withState) {
        const { blob } = await runBackupJob(db, { type: 'export', exportedAt: now(), deckIds: [deckId] });
        const name = `${deckId}-with-review-state.json.gz`;
        saveFile(name, [blob], GZIP_TYPE);
        return `Saved ${name}.`;
      }
      const deck = await loadDeckFile(db, deckId);
      if (!deck) throw new Error(`deck "${deckId}" is not stored`);
      saveFile(`${deckId}.json`, `${JSON.stringify(deck, null, 2)}\n`, JSON_TYPE);
      return `Saved ${deckId}.json.`;
    });

  const deckCsv = () =>
    run('Exporting deck', async () => {
      const deck = await loadDeckFile(db, deckId);
      if (!deck) throw new Error(`deck "${deckId}" is not stored`);
      saveFile(`${deckId}.csv`, deckToCsv(deck), CSV_TYPE);
      return `Saved ${deckId}.csv.`;
    });

  const ankiPackage = () =>
    run('Exporting Anki package', async () => {
      const input = await loadApkgExport(db, deckId, withHistory, now());
      if (!input) throw new Error(`deck "${deckId}" is not stored`);
      const bytes = await exportApkg(input);
      const name = `${deckId}.apkg`;
      saveFile(name, [new Blob([bytes as Uint8Array<ArrayBuffer>])], 'application/octet-stream');
      return `Saved ${name} (${input.cards.length} cards${withHistory ? `, ${input.history?.logs.length ?? 0} reviews` : ''}).`;
    });
  const revlog = () =>
    run('Exporting review logs', async () => {
      const [logs, ankiCardIds] = await Promise.all([loadReviewLogs(db), loadRevlogCardIds(db)]);
      const name = `cardinal-revlog-${dateStamp(now())}.csv`;
      saveFile(name, reviewLogsToFsrsCsv(logs, ankiCardIds), CSV_TYPE);
      return `Saved ${name} (${logs.length} reviews).`;
    });

  const busy = progress !== null;
  return (
    <section aria-labelledby="export-heading" className="transfer-panel">
      <h2 id="export-heading">Export</h2>
      <h3>Full backup</h3>
      <p>
        Every deck, card, review state, review history, setting, image and sound, in one compressed file
        (.json.gz) you can restore here.
      </p>
      <p>
        <button type="button" className="button primary" disabled={busy} onClick={() => void fullBackup()}>
          Export full backup
        </button>
      </p>
      <h3>One deck</h3>
      {decks === undefined ? (
        <p role="status">Loading decks…</p>
      ) : decks.length === 0 ? (
        <p>No decks to export.</p>
      ) : (
        <>
          <label>
            Deck to export
            <select value={deckId} onChange={(e) => setChosen(e.target.value)}>
              {decks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </label>
          <p className="deck-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void deckFile(false)}>
              Deck file (JSON)
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void deckFile(true)}>
              Deck with review state (JSON)
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void deckCsv()}>
              Cards as CSV
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void ankiPackage()}>
              Anki package (.apkg)
            </button>
          </p>
          <label className="transfer-check">
            <input type="checkbox" checked={withHistory} onChange={(e) => setWithHistory(e.target.checked)} />
            Anki package with review history and FSRS memory state
          </label>
        </>
      )}
      <h3>Review history</h3>
      <p>
        Every answer as CSV in the FSRS optimizer's format (card_id, review_time, review_rating, review_state,
        review_duration).
      </p>
      <p>
        <button type="button" className="button" disabled={busy} onClick={() => void revlog()}>
          Export review logs (CSV)
        </button>
      </p>
      {progress && <ProgressBar label={progress.label} done={progress.done} total={progress.total} />}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
