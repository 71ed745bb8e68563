/**
 * The CSV/TSV preview: separators, quoting, HTML, header row, and which column holds what, over sample rows.
 * The file itself stays in the import reader (a worker in browsers): each change of format asks it for the new
 * first rows, and "Check cards" asks it for the deck.
 */
import { useEffect, useState } from 'react';
import { COLUMN_ROLES, type ColumnRole } from '../../domain/transfer/csv/csvToDeck';
import type { CsvFormat } from '../../domain/transfer/csv/readCsv';
import type { ImportFailure } from '../../domain/transfer/parsedImport';
import type { CsvPreview, DeckFile, ImportProgress } from './importMessages';
import { ImportCancelled, type OnProgress } from './importSession';
import { ProgressBar } from './ProgressBar';
import { TransferError } from './TransferError';

/** The deck the settled columns give (its rows stay with the reader), or why the file cannot be imported. */
type DeckRead = { ok: true; deck: DeckFile } | ImportFailure;

const SAMPLE_ROWS = 5;
const SEPARATORS: Array<[string, string]> = [
  [',', 'Comma'],
  ['\t', 'Tab'],
  [';', 'Semicolon'],
  ['|', 'Pipe'],
];

export function CsvOptions({
  fileName,
  preview,
  onPreview,
  onDeck,
  onRead,
  onCancel,
}: {
  fileName: string;
  /** The first rows as read with the guessed format. */
  preview: CsvPreview;
  onPreview: (format: CsvFormat, onProgress: OnProgress) => Promise<CsvPreview>;
  onDeck: (format: CsvFormat, onProgress: OnProgress) => Promise<DeckRead>;
  onRead: (read: DeckRead) => void;
  onCancel: () => void;
}) {
  const [format, setFormat] = useState<CsvFormat>(preview.format);
  const [shown, setShown] = useState<CsvPreview>(preview);
  const [checking, setChecking] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [customSeparator, setCustomSeparator] = useState('');
  const separatorChoice = SEPARATORS.some(([s]) => s === format.delimiter)
    ? (format.delimiter ?? ',')
    : 'custom';

  useEffect(() => {
    if (format === preview.format) {
      setShown(preview);
      return;
    }
    let current = true;
    onPreview(format, () => {}).then(
      (next) => {
        if (!current) return;
        setShown(next);
        setError(null);
      },
      (e: unknown) => current && !(e instanceof ImportCancelled) && setError(String(e)),
    );
    return () => {
      current = false;
    };
  }, [format, preview, onPreview]);

  const columns = Math.max(format.mapping.length, ...shown.rows.map((r) => r.fields.length));
  const mapping = Array.from({ length: columns }, (_, i) => format.mapping[i] ?? 'ignore');
  const sample = shown.rows.slice(0, SAMPLE_ROWS);
  const update = (patch: Partial<CsvFormat>) => setFormat((f) => ({ ...f, ...patch }));
  const setRole = (index: number, role: ColumnRole) =>
    update({
      mapping: mapping.map((r, i) => (i === index ? role : r === role && role !== 'ignore' ? 'ignore' : r)),
    });
  const headers = shown.headers;

  const check = async () => {
    setError(null);
    setChecking({ stage: 'checking', done: 0, total: 0 });
    try {
      onRead(await onDeck({ ...format, mapping }, setChecking));
    } catch (e) {
      if (!(e instanceof ImportCancelled)) setError(`Could not check the cards: ${String(e)}`);
    } finally {
      setChecking(null);
    }
  };

  return (
    <section aria-labelledby="csv-heading" className="transfer-step">
      <h2 id="csv-heading">Columns of {fileName}</h2>
      <p>
        {shown.rowCount} row{shown.rowCount === 1 ? '' : 's'} read.
        {Object.keys(headers).length > 0 && ' Anki file headers found and applied.'} Choose how the file is
        split and which column holds what; nothing is stored until you confirm on the next step.
      </p>
      <div className="transfer-options">
        <label>
          Field separator
          <select
            value={separatorChoice}
            onChange={(e) => {
              const value = e.target.value;
              update({ delimiter: value === 'custom' ? customSeparator || undefined : value });
            }}
          >
            {SEPARATORS.map(([value, label]) => (
              <option key={label} value={value}>
                {label}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
        </label>
        {separatorChoice === 'custom' && (
          <label>
            Custom field separator
            <input
              value={customSeparator || format.delimiter || ''}
              onChange={(e) => {
                setCustomSeparator(e.target.value);
                if (e.target.value !== '') update({ delimiter: e.target.value });
              }}
            />
          </label>
        )}
        <label className="transfer-check">
          <input
            type="checkbox"
            checked={format.quotes}
            onChange={(e) => update({ quotes: e.target.checked })}
          />
          Fields may be in "quotes" (CSV); untick for Quizlet copies
        </label>
        {!format.quotes && (
          <label>
            Row separator (empty = line break)
            <input
              value={format.rowSeparator ?? ''}
              onChange={(e) => update({ rowSeparator: e.target.value === '' ? undefined : e.target.value })}
            />
          </label>
        )}
        <label className="transfer-check">
          <input type="checkbox" checked={format.html} onChange={(e) => update({ html: e.target.checked })} />
          Fields contain HTML (converted to plain text)
        </label>
        <label className="transfer-check">
          <input
            type="checkbox"
            checked={format.headerRow}
            onChange={(e) => update({ headerRow: e.target.checked })}
          />
          First row holds column names
        </label>
      </div>
      <div className="transfer-table-wrap">
        <table className="transfer-table">
          <caption>First rows of the file</caption>
          <thead>
            <tr>
              {mapping.map((role, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <th key={i} scope="col">
                  <label>
                    <span className="visually-hidden">Column {i + 1}</span>
                    <select
                      aria-label={`Column ${i + 1}`}
                      value={role}
                      onChange={(e) => setRole(i, e.target.value as ColumnRole)}
                    >
                      {COLUMN_ROLES.map((r) => (
                        <option key={r.role} value={r.role}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((row) => (
              <tr key={row.line}>
                {mapping.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={i}>{row.fields[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {checking && (
        <ProgressBar
          label={checking.stage === 'checking' ? 'Checking cards' : 'Preparing the summary'}
          done={checking.done}
          total={checking.total}
          measured={checking.total > 0}
        />
      )}
      <TransferError error={error} />
      <p className="deck-actions">
        <button
          type="button"
          className="button primary"
          disabled={checking !== null}
          onClick={() => void check()}
        >
          Check cards
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </section>
  );
}
