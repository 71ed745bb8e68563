import './customStudy.css';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { listTags } from '../../db/customStudy';
import { useDbQuery } from '../../db/react';
import { ALL_DECKS } from '../../db/reviewScreen';
import {
  CUSTOM_STUDY_LIMIT,
  type CustomStudy,
  customStudySearch,
  dailyScopeSearch,
  MAX_DAYS,
} from '../../domain/customStudy';
import { flattenSections } from '../../domain/exam/sections';
import type { DeckRecord } from '../../domain/records';
import { resetCustomSession } from '../../stores/customSession';

function NumberField({
  label,
  value,
  max,
  onChange,
}: {
  label: string;
  value: string;
  max: number;
  onChange: (text: string) => void;
}) {
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min={1}
        max={max}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The whole number typed, kept within 1…max (an empty or odd entry counts as 1). */
function count(text: string, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(Number(text)) || 1));
}

/**
 * Anki's Custom Study beyond "learn more new cards": review ahead, forgotten cards, study or cram a section or tag,
 * preview new cards, over one deck or (deck null) every deck. Each choice starts a session at
 * /review/<deck or all>?<mode>=…
 */
export function CustomStudyChoices({ deck }: { deck: DeckRecord | null }) {
  const navigate = useNavigate();
  const headingId = useId();
  const tagsId = useId();
  const tags = useDbQuery((db) => listTags(db), []);
  const [ahead, setAhead] = useState('1');
  const [forgotten, setForgotten] = useState('1');
  const [preview, setPreview] = useState('10');
  const scope = deck ? encodeURIComponent(deck.id) : ALL_DECKS;
  const sections = deck ? flattenSections(deck.sections) : [];
  const [section, setSection] = useState(sections[0]?.id ?? '');
  const [tag, setTag] = useState('');
  const start = (custom: CustomStudy) => {
    resetCustomSession();
    navigate(`/review/${scope}${customStudySearch(custom)}`);
  };
  const form = (onSubmit: () => void, children: React.ReactNode) => (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
  return (
    <section className="custom-study" aria-labelledby={headingId}>
      <h3 id={headingId}>Custom study</h3>
      {form(
        () => start({ mode: 'ahead', days: count(ahead, MAX_DAYS) }),
        <>
          <NumberField label="Days ahead" value={ahead} max={MAX_DAYS} onChange={setAhead} />{' '}
          <button type="submit" className="button">
            Review ahead
          </button>
          <small> Cards due within that many days; counts as reviews.</small>
        </>,
      )}
      {form(
        () => start({ mode: 'forgotten', days: count(forgotten, MAX_DAYS) }),
        <>
          <NumberField label="Days back" value={forgotten} max={MAX_DAYS} onChange={setForgotten} />{' '}
          <button type="submit" className="button">
            Study forgotten cards
          </button>
          <small> Cards answered Again within that many days; counts as reviews.</small>
        </>,
      )}
      {sections.length > 0 &&
        form(
          () => start({ mode: 'cram', section }),
          <>
            <label>
              Section{' '}
              <select value={section} onChange={(e) => setSection(e.target.value)}>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {'\u00a0\u00a0'.repeat(s.depth)}
                    {s.title}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="submit" className="button">
              Cram section
            </button>{' '}
            <Link to={`/review/${scope}${dailyScopeSearch(section, null)}`}>
              Study section (counts as reviews)
            </Link>
            <small> Cram: answers are not saved; the schedule stays as it was.</small>
          </>,
        )}
      {form(
        () => tag.trim() !== '' && start({ mode: 'cram', tag: tag.trim() }),
        <>
          <label>
            Tag{' '}
            <input
              type="text"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              autoComplete="off"
              list={tagsId}
            />
            <datalist id={tagsId}>
              {(tags ?? []).map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </label>{' '}
          <button type="submit" className="button" disabled={tag.trim() === ''}>
            Cram tag
          </button>{' '}
          <button
            type="button"
            className="button"
            disabled={tag.trim() === ''}
            onClick={() => navigate(`/review/${scope}${dailyScopeSearch(null, tag.trim())}`)}
          >
            Study tag (counts as reviews)
          </button>
          <small>
            {' '}
            Cram: answers are not saved. Study: today's queue of the tagged cards, answers count as reviews.
          </small>
        </>,
      )}
      {form(
        () => start({ mode: 'preview', count: count(preview, CUSTOM_STUDY_LIMIT) }),
        <>
          <NumberField
            label="New cards to preview"
            value={preview}
            max={CUSTOM_STUDY_LIMIT}
            onChange={setPreview}
          />{' '}
          <button type="submit" className="button">
            Preview new cards
          </button>
          <small> Shown without scheduling them.</small>
        </>,
      )}
    </section>
  );
}
