import { parseCloze } from '../../domain/deck/cloze';

/** Each review item a cloze text makes: its number and the text with that deletion hidden. */
export function ClozePreview({ text }: { text: string }) {
  const parsed = parseCloze(text);
  if (text.trim() === '') return null;
  if (!parsed.ok) return null;
  if (parsed.numbers.length === 0)
    return <p className="cloze-preview-empty">No deletions yet: wrap a word in {'{{c1::…}}'} to hide it.</p>;
  return (
    <section className="cloze-preview" aria-label="Preview of the deletions">
      <h3>Preview: {parsed.numbers.length === 1 ? '1 card' : `${parsed.numbers.length} cards`}</h3>
      <ol>
        {parsed.numbers.map((n) => (
          <li key={n}>
            <span className="cloze-number">c{n}:</span>{' '}
            {parsed.segments.map((s, i) =>
              s.type === 'text' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order
                <span key={i}>{s.text}</span>
              ) : s.n === n ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order
                <mark key={i} className="cloze-blank">
                  [{s.hint ?? '…'}]
                </mark>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order
                <span key={i}>{s.answer}</span>
              ),
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
