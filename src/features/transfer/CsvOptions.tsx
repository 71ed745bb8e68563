/** The CSV/TSV preview: separators, quoting, HTML, header row, and which column holds what, over sample rows. */
import { useMemo, useState } from 'react';
import { COLUMN_ROLES, type ColumnRole, csvToDeck } from '../../domain/transfer/csv/csvToDeck';
import { type CsvFormat, type CsvInspection, gridFor } from '../../domain/transfer/csv/readCsv';
import type { ImportRead } from '../../domain/transfer/parsedImport';

const SAMPLE_ROWS = 5;
const SEPARATORS: Array<[string, string]> = [
  [',', 'Comma'],
  ['\t', 'Tab'],
  [';', 'Semicolon'],
  ['|', 'Pipe'],
];

export function CsvOptions({
  fileName,
  inspection,
  onRead,
  onCancel,
}: {
  fileName: string;
  inspection: CsvInspection;
  onRead: (read: ImportRead) => void;
  onCancel: () => void;
}) {
  const [format, setFormat] = useState<CsvFormat>(inspection.format);
  const [customSeparator, setCustomSeparator] = useState('');
  const separatorChoice = SEPARATORS.some(([s]) => s === format.delimiter)
    ? (format.delimiter ?? ',')
    : 'custom';
  const grid = useMemo(() => gridFor(fileName, inspection.split, format), [fileName, inspection, format]);
  const columns = Math.max(format.mapping.length, ...grid.rows.slice(0, 50).map((r) => r.fields.length));
  const mapping = Array.from({ length: columns }, (_, i) => format.mapping[i] ?? 'ignore');
  const sample = grid.rows.slice(0, SAMPLE_ROWS);
  const update = (patch: Partial<CsvFormat>) => setFormat((f) => ({ ...f, ...patch }));
  const setRole = (index: number, role: ColumnRole) =>
    update({
      mapping: mapping.map((r, i) => (i === index ? role : r === role && role !== 'ignore' ? 'ignore' : r)),
    });
  const headers = inspection.split.headers;

  const check = () =>
    onRead(
      csvToDeck(fileName, grid, {
        mapping,
        headerRow: format.headerRow,
        html: format.html,
        extraTags: headers.tags ?? [],
        defaultSection: headers.deck,
        notetype: headers.notetype,
      }),
    );

  return (
    <section aria-labelledby="csv-heading" className="transfer-step">
      <h2 id="csv-heading">Columns of {fileName}</h2>
      <p>
        {grid.rows.length} row{grid.rows.length === 1 ? '' : 's'} read.
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
      <p className="deck-actions">
        <button type="button" className="button primary" onClick={check}>
          Check cards
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </section>
  );
}
