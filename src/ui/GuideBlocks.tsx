import './guideBlocks.css';
/** A block of a guide passage (the same shape as the domain's GuideBlock; ui/ imports nothing outside ui/). */
export type GuideBlockView =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

type HeadingLevel = 3 | 4 | 5 | 6;

/**
 * A guide passage's blocks as a document: sub-headings, paragraphs, bullet lists and tables. Text is rendered
 * as text (React escapes it), never as HTML.
 */
export function GuideBlocks({
  blocks,
  headingLevel,
}: {
  blocks: readonly GuideBlockView[];
  headingLevel: HeadingLevel;
}) {
  return (
    <div className="guide-blocks">
      {blocks.map((block, i) => (
        // Blocks are positional and never reorder.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Block key={i} block={block} headingLevel={headingLevel} />
      ))}
    </div>
  );
}

function Block({ block, headingLevel }: { block: GuideBlockView; headingLevel: HeadingLevel }) {
  const Heading = `h${headingLevel}` as const;
  switch (block.kind) {
    case 'heading':
      return <Heading className="guide-subheading">{block.text}</Heading>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
            <li key={j}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return <GuideTable header={block.header} rows={block.rows} />;
  }
}

/** A guide table, scrolling sideways inside its own box on a narrow screen; the first column names each row. */
export function GuideTable({
  header,
  rows,
  highlight,
}: {
  header: string[];
  rows: string[][];
  highlight?: number;
}) {
  return (
    // A scrollable region must be reachable by keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <section className="guide-table-scroll" tabIndex={0} aria-label={`Table: ${header.join(', ')}`}>
      <table className="guide-table">
        <thead>
          <tr>
            {header.map((cell, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <th key={j} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <tr key={r} className={r === highlight ? 'guide-match' : undefined}>
              {row.map((cell, j) =>
                j === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <th key={j} scope="row">
                    {r === highlight ? <mark>{cell}</mark> : cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={j}>{r === highlight ? <mark>{cell}</mark> : cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
