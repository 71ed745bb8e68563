import { useEffect, useState } from 'react';
import { type BrowseFilters, type FilterKey, STATES } from '../../domain/browse/filters';
import { flattenSections } from '../../domain/exam/sections';
import type { DeckRecord } from '../../domain/records';
import { FLAG_NAMES, KIND_NAMES } from './columns';

type Props = {
  filters: BrowseFilters;
  decks: readonly DeckRecord[];
  onChange: (key: FilterKey, value: string | undefined, replace?: boolean) => void;
  onClear: () => void;
};

const STATE_NAMES: Record<(typeof STATES)[number], string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
  suspended: 'Suspended',
  buried: 'Buried',
};

/** The search box and filters; every change goes to the page address. */
export function BrowseSearch({ filters, decks, onChange, onClear }: Props) {
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    if (text === (filters.q ?? '')) return;
    const timer = setTimeout(() => onChange('q', text || undefined, true), 150);
    return () => clearTimeout(timer);
  }, [text, filters.q, onChange]);

  const deck = decks.find((d) => d.id === filters.deck);
  const sections = deck ? flattenSections(deck.sections) : [];
  const value = (key: FilterKey) => (filters[key] === undefined ? '' : String(filters[key]));
  const set = (key: FilterKey) => (e: { target: { value: string } }) =>
    onChange(key, e.target.value === '' ? undefined : e.target.value);
  const extraCount = (
    [
      'flag',
      'marked',
      'leech',
      'dueBefore',
      'dueAfter',
      'rBelow',
      'lapses',
      'reviewedDays',
      'addedDays',
    ] as const
  ).filter((k) => filters[k] !== undefined).length;

  return (
    <search className="browse-search">
      <div className="browse-search-main">
        <label className="search-field">
          <span className="visually-hidden">Search cards</span>
          <input
            type="search"
            aria-label="Search cards"
            placeholder="Search cards"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onChange('q', text || undefined, true);
            }}
          />
        </label>
        <label>
          Deck{' '}
          <select value={value('deck')} onChange={(e) => onChange('deck', e.target.value || undefined)}>
            <option value="">All decks</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        {deck && (
          <label>
            Section{' '}
            <select value={value('section')} onChange={set('section')}>
              <option value="">All sections</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {'\u00a0\u00a0'.repeat(s.depth)}
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          State{' '}
          <select value={value('state')} onChange={set('state')}>
            <option value="">Any state</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind{' '}
          <select value={value('kind')} onChange={set('kind')}>
            <option value="">Any kind</option>
            {Object.entries(KIND_NAMES).map(([k, name]) => (
              <option key={k} value={k}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <TagFilter value={value('tag')} onChange={(tag) => onChange('tag', tag || undefined)} />
      </div>
      <details className="browse-more" open={extraCount > 0 || undefined}>
        <summary>More filters{extraCount > 0 ? ` (${extraCount})` : ''}</summary>
        <div className="browse-search-more">
          <label>
            Flag{' '}
            <select value={value('flag')} onChange={set('flag')}>
              <option value="">Any</option>
              <option value="any">Any flag</option>
              {[1, 2, 3, 4].map((f) => (
                <option key={f} value={f}>
                  {FLAG_NAMES[f]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={filters.marked === '1'}
              onChange={(e) => onChange('marked', e.target.checked ? '1' : undefined)}
            />{' '}
            Marked
          </label>
          <label>
            <input
              type="checkbox"
              checked={filters.leech === '1'}
              onChange={(e) => onChange('leech', e.target.checked ? '1' : undefined)}
            />{' '}
            Leech
          </label>
          <label>
            Due after <input type="date" value={value('dueAfter')} onChange={set('dueAfter')} />
          </label>
          <label>
            Due before <input type="date" value={value('dueBefore')} onChange={set('dueBefore')} />
          </label>
          <NumberFilter
            label="Recall now below (%)"
            value={value('rBelow')}
            max={100}
            onChange={(v) => onChange('rBelow', v)}
          />
          <NumberFilter
            label="Lapses at least"
            value={value('lapses')}
            onChange={(v) => onChange('lapses', v)}
          />
          <NumberFilter
            label="Reviewed in the last (days)"
            value={value('reviewedDays')}
            onChange={(v) => onChange('reviewedDays', v)}
          />
          <NumberFilter
            label="Added in the last (days)"
            value={value('addedDays')}
            onChange={(v) => onChange('addedDays', v)}
          />
          <button type="button" className="button" onClick={onClear}>
            Clear all filters
          </button>
        </div>
      </details>
    </search>
  );
}

/** A text filter applied when the user leaves the field or presses Enter (not on every key). */
function TagFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <label>
      Tag{' '}
      <input
        type="text"
        size={12}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text.trim().toLowerCase() !== value && onChange(text.trim().toLowerCase())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(text.trim().toLowerCase());
        }}
      />
    </label>
  );
}

function NumberFilter(props: {
  label: string;
  value: string;
  max?: number;
  onChange: (v: string | undefined) => void;
}) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const apply = () => text !== props.value && props.onChange(text === '' ? undefined : text);
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        min={0}
        max={props.max}
        inputMode="numeric"
        className="number-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
    </label>
  );
}
