/** Import: choose a file; it is read and validated (nothing written), previewed, and written only on confirm. */
import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useDb } from '../../db/react';
import type { RestoreMode, RestoreSummary } from '../../db/transfer/backupRepo';
import type { RevlogAttachSummary } from '../../db/transfer/revlogAttach';
import type { CsvFormat } from '../../domain/transfer/csv/readCsv';
import type { DeckImportSummary } from '../../domain/transfer/importPlan';
import { formatBytes, MAX_IMPORT_BYTES } from '../../domain/transfer/limits';
import type { ImportFailure } from '../../domain/transfer/parsedImport';
import { isMediaFile } from './attachMedia';
import { BackupRestorePreview } from './BackupRestorePreview';
import { CsvOptions } from './CsvOptions';
import { DeckImportPreview } from './DeckImportPreview';
import type { ImportFile, ImportProgress } from './importMessages';
import { ImportCancelled, type ImportSession, type OnProgress, openImportSession } from './importSession';
import { ProblemList } from './ProblemList';
import { ProgressBar } from './ProgressBar';
import { RevlogAttachPreview } from './RevlogAttachPreview';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; progress: ImportProgress }
  | { step: 'file'; file: ImportFile }
  | { step: 'done'; message: string; deckId?: string };

/** What the progress bar says in each stage of reading a file. */
export function stageLabel(progress: ImportProgress, fileName: string): string {
  switch (progress.stage) {
    case 'reading':
      return `Reading ${fileName}`;
    case 'checking':
      return `Checking ${fileName}`;
    case 'writing':
      return `Writing ${fileName}`;
  }
}

export function ImportPanel() {
  const db = useDb();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [csvFailure, setCsvFailure] = useState<ImportFailure | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const chosenMedia = useRef<File[]>([]);
  // The reader and writer of the file being imported (a worker in browsers); closed when the import ends or is
  // cancelled.
  const session = useRef<ImportSession | null>(null);
  const closeSession = () => {
    session.current?.close();
    session.current = null;
  };
  // Leaving the page stops a read in progress.
  useEffect(
    () => () => {
      session.current?.close();
      session.current = null;
    },
    [],
  );
  // Stable, so the column step does not ask again on every render; a closed session means a cancelled import.
  const csvPreview = useCallback((format: CsvFormat, onProgress: OnProgress) => {
    if (!session.current) return Promise.reject(new ImportCancelled());
    return session.current.csvPreview(format, onProgress);
  }, []);
  const csvDeck = useCallback((format: CsvFormat, onProgress: OnProgress) => {
    if (!session.current) return Promise.reject(new ImportCancelled());
    return session.current.csvDeck(format, onProgress);
  }, []);

  const reset = () => {
    closeSession();
    setState({ step: 'idle' });
    setCsvFailure(null);
    if (input.current) input.current.value = '';
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Images and sounds chosen with a text export go with its cards; the other file is the one to import.
    const chosen = files.find((f) => !isMediaFile(f)) ?? files[0];
    if (!chosen) return;
    chosenMedia.current = files.filter((f) => f !== chosen && isMediaFile(f));
    closeSession();
    const reader = openImportSession(db);
    session.current = reader;
    setCsvFailure(null);
    const showProgress = (progress: ImportProgress) =>
      setState({ step: 'reading', fileName: chosen.name, progress });
    showProgress({ stage: 'reading', done: 0, total: chosen.size });
    try {
      const file = await reader.read(chosen, chosenMedia.current, showProgress);
      // The reader stays open for the next steps (columns, preview, write) unless the file was refused.
      if (file.kind === 'failed') closeSession();
      setState({ step: 'file', file });
    } catch (e) {
      if (e instanceof ImportCancelled) return;
      closeSession();
      setState({
        step: 'file',
        file: {
          kind: 'failed',
          failure: {
            ok: false,
            fileName: chosen.name,
            problems: [
              {
                where: chosen.name,
                reason: `could not be read (${e instanceof Error ? e.message : String(e)})`,
              },
            ],
          },
        },
      });
    }
  };

  const deckDone = (s: DeckImportSummary) => {
    closeSession();
    setState({
      step: 'done',
      deckId: s.deckId,
      message: `Imported ${s.fileName} into “${s.title}”: ${s.added} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.retired} retired, ${s.skippedCount} skipped${s.history.added > 0 ? `, ${s.history.added} past answers added` : ''}.`,
    });
  };
  const revlogDone = (s: RevlogAttachSummary) => {
    closeSession();
    setState({
      step: 'done',
      ...(s.deck ? { deckId: s.deck.id } : {}),
      message: `Attached ${s.fileName} to “${s.deck?.title ?? ''}”: ${s.added} past answers added to ${s.cards} cards${s.alreadyStored > 0 ? `, ${s.alreadyStored} already stored` : ''}${s.unknownRows > 0 ? `, ${s.unknownRows} ${s.unknownRows === 1 ? 'row' : 'rows'} for cards not here` : ''}.`,
    });
  };
  const restoreDone = (summary: RestoreSummary, mode: RestoreMode) => {
    closeSession();
    const written = Object.values(summary).reduce((n, t) => n + t.written, 0);
    const already = Object.values(summary).reduce((n, t) => n + t.alreadyStored, 0);
    setState({
      step: 'done',
      message:
        mode === 'replace'
          ? `Backup restored: ${written} records written.`
          : `Backup merged: ${written} records written${already > 0 ? `, ${already} already here` : ''}.`,
    });
  };

  return (
    <section aria-labelledby="import-heading" className="transfer-panel">
      <h2 id="import-heading">Import</h2>
      <p>
        A Cardinal deck (.json), a Cardinal backup (.json.gz, or .json from older versions), an Anki package
        (.apkg), a CSV/TSV/text file (Anki's “Notes in Plain Text”, a Quizlet copy, a spreadsheet), or a
        review-log CSV (history for cards you have). Files up to {formatBytes(MAX_IMPORT_BYTES)}. With a text
        export, also choose the images and sounds its cards use (from Anki's collection.media folder). Nothing
        is stored until you confirm.
      </p>
      <label className="transfer-file">
        Choose a file to import
        <input
          ref={input}
          type="file"
          multiple
          accept=".json,.gz,application/gzip,.csv,.tsv,.txt,.tab,.apkg,.colpkg,application/json,text/csv,text/plain,image/*,audio/*"
          disabled={state.step === 'reading'}
          onChange={(e) => void choose(e)}
        />
      </label>
      {state.step === 'reading' && (
        <div className="transfer-progress-row">
          <ProgressBar
            label={stageLabel(state.progress, state.fileName)}
            done={state.progress.done}
            total={state.progress.total}
            measured={state.progress.total > 0}
          />
          <button type="button" className="button" onClick={reset}>
            Cancel reading
          </button>
        </div>
      )}
      {state.step === 'file' && state.file.kind === 'failed' && (
        <div role="alert">
          <ProblemList
            title={`${state.file.failure.fileName} cannot be imported`}
            problems={state.file.failure.problems}
          />
        </div>
      )}
      {state.step === 'file' && state.file.kind === 'csv' && (
        <>
          <CsvOptions
            fileName={state.file.fileName}
            preview={state.file.preview}
            onPreview={csvPreview}
            onDeck={csvDeck}
            onCancel={reset}
            onRead={(read) => {
              if (read.ok) setState({ step: 'file', file: { kind: 'deck', deck: read.deck } });
              else setCsvFailure(read);
            }}
          />
          {csvFailure && (
            <div role="alert">
              <ProblemList
                title={`${csvFailure.fileName} cannot be imported`}
                problems={csvFailure.problems}
              />
            </div>
          )}
        </>
      )}
      {state.step === 'file' && state.file.kind === 'deck' && session.current && (
        <DeckImportPreview
          deck={state.file.deck}
          session={session.current}
          onDone={deckDone}
          onCancel={reset}
        />
      )}
      {state.step === 'file' && state.file.kind === 'backup' && session.current && (
        <BackupRestorePreview
          backup={state.file.backup}
          session={session.current}
          onDone={restoreDone}
          onCancel={reset}
        />
      )}
      {state.step === 'file' && state.file.kind === 'revlog' && session.current && (
        <RevlogAttachPreview
          revlog={state.file.revlog}
          skipped={state.file.skipped}
          session={session.current}
          onDone={revlogDone}
          onCancel={reset}
        />
      )}
      {state.step === 'done' && (
        <div role="status" className="transfer-done">
          <p>{state.message}</p>
          {state.deckId && (
            <p>
              <Link to={`/review/${state.deckId}`}>Study the imported deck</Link>
            </p>
          )}
          <button type="button" className="button" onClick={reset}>
            Import another file
          </button>
        </div>
      )}
    </section>
  );
}
