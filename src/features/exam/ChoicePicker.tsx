/**
 * A compact multi-choice picker (sections, tags): a disclosure whose summary says what is chosen, with
 * "All" and "None" and one checkbox per item inside, so a long list never pushes the Start button off screen.
 */
export type PickerItem = { id: string; label: string; depth?: number; count?: number };

type Props = {
  legend: string;
  items: readonly PickerItem[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** What choosing none means, e.g. "any tag"; without it, none is "none". */
  noneMeans?: string;
  invalid?: boolean;
  describedBy?: string;
};

export function ChoicePicker({ legend, items, selected, onChange, noneMeans, invalid, describedBy }: Props) {
  const chosen = new Set(selected);
  const summary =
    selected.length === 0
      ? (noneMeans ?? 'none')
      : selected.length === items.length
        ? `all ${items.length}`
        : `${selected.length} of ${items.length}`;
  const toggle = (id: string, on: boolean) =>
    onChange(
      on
        ? items.filter((i) => chosen.has(i.id) || i.id === id).map((i) => i.id)
        : selected.filter((x) => x !== id),
    );
  return (
    <details className="choice-picker" data-invalid={invalid ? 'true' : undefined}>
      <summary aria-describedby={describedBy}>
        {legend}: <strong>{summary}</strong>
      </summary>
      <fieldset aria-describedby={describedBy}>
        <legend className="visually-hidden">{legend}</legend>
        <div className="picker-actions">
          <button type="button" onClick={() => onChange(items.map((i) => i.id))}>
            All {legend.toLowerCase()}
          </button>
          <button type="button" onClick={() => onChange([])}>
            No {legend.toLowerCase()}
          </button>
        </div>
        <div className="picker-items">
          {items.map((item) => (
            <label
              key={item.id}
              className="field checkbox"
              style={item.depth ? { paddingInlineStart: `${item.depth * 1.25}rem` } : undefined}
            >
              <input
                type="checkbox"
                checked={chosen.has(item.id)}
                onChange={(e) => toggle(item.id, e.target.checked)}
              />
              <span className="picker-label">
                {item.label}
                {item.count !== undefined && <small> ({item.count})</small>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
