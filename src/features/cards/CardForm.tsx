import type { ReactNode } from 'react';
import type { CardIssue } from '../../domain/deck/validateCard';
import type { FlatSection } from '../../domain/exam/sections';
import { ClozePreview } from './ClozePreview';
import { type Draft, fieldLabel, optionLines } from './draft';

type Props = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  sections: readonly FlatSection[];
  /** Shown after the first attempt to save. */
  issues: readonly CardIssue[];
};

/** The fields of one card, for its kind, with each field's problem in plain words beside it. */
export function CardForm({ draft, onChange, sections, issues }: Props) {
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => onChange({ ...draft, [key]: value });
  const issueOf = (field: string) =>
    issues.filter(
      (i) => i.field === field || i.field.startsWith(`${field}.`) || i.field.startsWith(`${field}[`),
    );

  const textField = (
    key: 'front' | 'back' | 'text' | 'prompt' | 'explanation' | 'statement',
    rows = 3,
    hint?: ReactNode,
  ) => {
    const problems = issueOf(key);
    const id = `field-${key}`;
    return (
      <div className="field">
        <label htmlFor={id}>{fieldLabel(key)}</label>
        {hint && (
          <p className="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
        <textarea
          id={id}
          rows={rows}
          value={draft[key]}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={
            [problems.length > 0 ? `${id}-error` : '', hint ? `${id}-hint` : ''].join(' ').trim() || undefined
          }
          onChange={(e) => set(key, e.target.value)}
        />
        <FieldError id={`${id}-error`} field={key} problems={problems} />
      </div>
    );
  };

  const options = optionLines(draft.options);
  return (
    <div className="card-form">
      <div className="field">
        <label htmlFor="field-section">Section</label>
        <select id="field-section" value={draft.section} onChange={(e) => set('section', e.target.value)}>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {'\u00a0\u00a0'.repeat(s.depth)}
              {s.title}
            </option>
          ))}
        </select>
        <FieldError id="field-section-error" field="section" problems={issueOf('section')} />
      </div>
      {draft.kind === 'basic' && (
        <>
          {textField('front')}
          {textField('back')}
          <label className="check">
            <input
              type="checkbox"
              checked={draft.reversed}
              onChange={(e) => set('reversed', e.target.checked)}
            />{' '}
            Also ask back → front (reversed card)
          </label>
        </>
      )}
      {draft.kind === 'cloze' && (
        <>
          {textField(
            'text',
            4,
            <>
              Hide words with {'{{c1::answer}}'} or {'{{c1::answer::hint}}'}; each number is one card.
            </>,
          )}
          <ClozePreview text={draft.text} />
        </>
      )}
      {draft.kind === 'mcq' && (
        <>
          {textField('prompt')}
          {(() => {
            const problems = issueOf('options');
            return (
              <div className="field">
                <label htmlFor="field-options">Options (one per line)</label>
                <textarea
                  id="field-options"
                  rows={5}
                  value={draft.options}
                  aria-invalid={problems.length > 0 || undefined}
                  aria-describedby={problems.length > 0 ? 'field-options-error' : undefined}
                  onChange={(e) => {
                    const count = optionLines(e.target.value).length;
                    onChange({
                      ...draft,
                      options: e.target.value,
                      correct: draft.correct.filter((c) => c < count),
                    });
                  }}
                />
                <FieldError id="field-options-error" field="options" problems={problems} />
              </div>
            );
          })()}
          <fieldset
            className="field"
            aria-describedby={issueOf('correct').length > 0 ? 'field-correct-error' : undefined}
          >
            <legend>Correct options</legend>
            {options.length === 0 && <p className="field-hint">Write the options first.</p>}
            {options.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an option is its line: two may read the same
              <label key={i} className="check">
                <input
                  type="checkbox"
                  checked={draft.correct.includes(i)}
                  onChange={(e) =>
                    set(
                      'correct',
                      e.target.checked ? [...draft.correct, i] : draft.correct.filter((c) => c !== i),
                    )
                  }
                />{' '}
                {o}
              </label>
            ))}
            <FieldError id="field-correct-error" field="correct" problems={issueOf('correct')} />
          </fieldset>
          {textField('explanation')}
        </>
      )}
      {draft.kind === 'truefalse' && (
        <>
          {textField('statement')}
          <fieldset className="field">
            <legend>The statement is</legend>
            <label className="check">
              <input
                type="radio"
                name="tf-answer"
                checked={draft.answer}
                onChange={() => set('answer', true)}
              />{' '}
              True
            </label>
            <label className="check">
              <input
                type="radio"
                name="tf-answer"
                checked={!draft.answer}
                onChange={() => set('answer', false)}
              />{' '}
              False
            </label>
          </fieldset>
          {textField('explanation')}
        </>
      )}
      <div className="field">
        <label htmlFor="field-tags">Tags (separated by spaces)</label>
        <input id="field-tags" type="text" value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
      </div>
    </div>
  );
}

function FieldError({ id, field, problems }: { id: string; field: string; problems: readonly CardIssue[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-error" id={id}>
      {problems.map((p) => (
        <li key={`${p.field}:${p.message}`}>
          {p.field === field ? fieldLabel(field) : fieldLabel(p.field)} {p.message}.
        </li>
      ))}
    </ul>
  );
}
