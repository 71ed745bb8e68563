import { useState } from 'react';
import {
  type ActionResult,
  buryItems,
  deleteItems,
  flagItems,
  markItems,
  moveItems,
  rescheduleItems,
  resetItems,
  retagItems,
  setDueItems,
  suspendItems,
} from '../../db/browse/actions';
import type { ItemKey } from '../../db/browse/query';
import type { CardinalDb } from '../../db/database';
import { useDb } from '../../db/react';
import { takeSnapshot } from '../../db/snapshots';
import { parseTags } from '../../domain/browse/bulk';
import { dayStartOf } from '../../domain/browse/filters';
import type { DeckRecord, Flag } from '../../domain/records';
import { FLAG_NAMES } from './columns';

type Props = {
  selection: readonly ItemKey[];
  /** Every match; undefined while a large match is still being counted. */
  total: number | undefined;
  decks: readonly DeckRecord[];
  now: number;
  onSelectAll: () => void;
  onClear: () => void;
  onDone: (result: ActionResult) => void;
  onError: (message: string) => void;
};

/** Actions on the selected cards; each is one transaction, confirmed by a toast with Undo. */
export function BulkBar({ selection, total, decks, now, onSelectAll, onClear, onDone, onError }: Props) {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [dueDay, setDueDay] = useState('');
  const [target, setTarget] = useState('');
  const [tags, setTags] = useState('');
  const n = selection.length;

  // As in Anki, a snapshot of everything is kept before a bulk delete (Settings › Snapshots restores it).
  const deleteWithSnapshot = async (database: CardinalDb, keys: readonly ItemKey[]) => {
    await takeSnapshot(database, 'bulk delete', now);
    return deleteItems(database, keys);
  };
  const run = (action: (db: CardinalDb, keys: readonly ItemKey[]) => Promise<ActionResult>) => async () => {
    setBusy(true);
    try {
      onDone(await action(db, selection));
    } catch (error) {
      onError(
        `That did not work: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
      );
    } finally {
      setBusy(false);
      setConfirmDelete(false);
    }
  };

  return (
    <fieldset className="bulk-bar">
      <legend className="visually-hidden">Actions on selected cards</legend>
      <p className="bulk-count">
        <strong>{n.toLocaleString('en')} selected</strong>
        {total === undefined && <span>Counting the matches…</span>}
        {total !== undefined && n < total && (
          <button type="button" className="link-button" onClick={onSelectAll}>
            Select all {total.toLocaleString('en')} matching
          </button>
        )}
        <button type="button" className="link-button" onClick={onClear}>
          Clear selection
        </button>
      </p>
      <div className="bulk-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={run((d, k) => suspendItems(d, k, true))}
        >
          Suspend
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={run((d, k) => suspendItems(d, k, false))}
        >
          Unsuspend
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={run((d, k) => buryItems(d, k, true, now))}
        >
          Bury
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={run((d, k) => buryItems(d, k, false, now))}
        >
          Unbury
        </button>
        <label>
          <span className="visually-hidden">Flag</span>
          <select
            value=""
            disabled={busy}
            aria-label="Set flag"
            onChange={(e) => {
              const flag = Number(e.target.value) as Flag;
              void run((d, k) => flagItems(d, k, flag))();
            }}
          >
            <option value="" disabled>
              Flag…
            </option>
            {[1, 2, 3, 4].map((f) => (
              <option key={f} value={f}>
                {FLAG_NAMES[f]}
              </option>
            ))}
            <option value={0}>No flag</option>
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={run((d, k) => markItems(d, k, true))}
        >
          Mark
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={run((d, k) => markItems(d, k, false))}
        >
          Unmark
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={run((d, k) => resetItems(d, k, now))}
        >
          Reset to new
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={run((d, k) => rescheduleItems(d, k, now))}
        >
          Reschedule from history
        </button>
        {confirmDelete ? (
          <span className="bulk-inline confirm" role="alert">
            Delete the cards of {n.toLocaleString('en')} selected and their review history?{' '}
            <button type="button" className="button danger" disabled={busy} onClick={run(deleteWithSnapshot)}>
              Delete
            </button>
            <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={() => setConfirmDelete(true)}
          >
            Delete…
          </button>
        )}
      </div>
      <details className="bulk-more">
        <summary>Due date, deck, tags…</summary>
        <div className="bulk-actions">
          <span className="bulk-inline">
            <label>
              Due date <input type="date" value={dueDay} onChange={(e) => setDueDay(e.target.value)} />
            </label>
            <button
              type="button"
              className="button"
              disabled={busy || dueDay === ''}
              onClick={run((d, k) => setDueItems(d, k, dayStartOf(dueDay), now))}
            >
              Set due date
            </button>
          </span>
          <span className="bulk-inline">
            <label>
              Deck{' '}
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">Choose…</option>
                {decks.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button"
              disabled={busy || target === ''}
              onClick={run((d, k) => moveItems(d, k, target))}
            >
              Move to deck
            </button>
          </span>
          <span className="bulk-inline">
            <label>
              Tags <input type="text" size={14} value={tags} onChange={(e) => setTags(e.target.value)} />
            </label>
            <button
              type="button"
              className="button"
              disabled={busy || parseTags(tags).length === 0}
              onClick={run((d, k) => retagItems(d, k, parseTags(tags), []))}
            >
              Add tags
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || parseTags(tags).length === 0}
              onClick={run((d, k) => retagItems(d, k, [], parseTags(tags)))}
            >
              Remove tags
            </button>
          </span>
        </div>
      </details>
    </fieldset>
  );
}
