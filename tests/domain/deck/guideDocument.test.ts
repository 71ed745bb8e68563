import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidePassages } from '../../../src/domain/deck/guide';
import { guideBlocks, passageBody } from '../../../src/domain/deck/guideDocument';
import type { Deck } from '../../../src/domain/deck/schema';

const root = join(import.meta.dirname, '../../..');
const guide = readFileSync(join(root, 'data/guide/virtualization-guide.txt'), 'utf8');
const deck = JSON.parse(readFileSync(join(root, 'data/decks/virtualization.json'), 'utf8')) as Deck;
const { passages } = guidePassages(guide, deck.sections);
const blocksOf = (id: string) => guideBlocks(passageBody(passages.get(id)?.text ?? ''));

describe('guideBlocks', () => {
  it('reads the comparison table with every row and column of the guide', () => {
    const lines = guide.split('\n').filter((l) => /\|\s*$/.test(l) && !/^-/.test(l));
    const cells = (line: string) =>
      line
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c !== '');
    const tables = blocksOf('comparison').filter((b) => b.kind === 'table');
    expect(tables).toEqual([
      { kind: 'table', header: cells(lines[0] ?? ''), rows: lines.slice(1).map(cells) },
    ]);
    expect(tables[0]?.kind === 'table' && tables[0].rows).toHaveLength(8);
  });

  it('turns label lines into sub-headings and "- " lines into list items', () => {
    const overview = blocksOf('overview');
    expect(overview).toContainEqual({ kind: 'heading', text: 'Key Benefits:' });
    expect(overview).toContainEqual({ kind: 'heading', text: 'What is Virtualization?' });
    const benefits =
      overview[overview.findIndex((b) => b.kind === 'heading' && b.text === 'Key Benefits:') + 1];
    expect(benefits).toEqual({
      kind: 'list',
      items: [
        'Improved hardware utilization',
        'Reduced capital and operational costs',
        'Enhanced disaster recovery capabilities',
        'Simplified management and maintenance',
        'Increased scalability and flexibility',
      ],
    });
    const san = blocksOf('san');
    expect(san).toContainEqual({ kind: 'heading', text: 'Key Features:' });
    // "Definition: …" is a paragraph of its own, not merged with the line above it.
    expect(san).toContainEqual({
      kind: 'paragraph',
      text: 'Definition: A high-speed network of storage devices that provides block-level storage access to servers.',
    });
    expect(blocksOf('host-based')).toContainEqual({ kind: 'heading', text: '⚠️ Disadvantages:' });
  });

  it('keeps a sentence-long heading as the first paragraph of its section', () => {
    expect(blocksOf('orchestration')[0]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(/^As container adoption grew/),
    });
  });

  it('reads a line that opens like a code fence as text', () => {
    // Found by the property below (seed 1100522396): "```a." opened an empty code block and lost "a".
    expect(guideBlocks('```a.\n~~~ b')).toEqual([
      { kind: 'paragraph', text: '```a.' },
      { kind: 'heading', text: '~~~ b' },
    ]);
  });

  it('loses no word of the guide and reads no text as Markdown syntax', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[#>*_`~<=+\-|1. a-z]{1,30}$/), { minLength: 1, maxLength: 6 }),
        (lines) => {
          const blocks = guideBlocks(lines.join('\n'));
          const text = blocks
            .flatMap((b) =>
              b.kind === 'list' ? b.items : b.kind === 'table' ? [...b.header, ...b.rows.flat()] : [b.text],
            )
            .join(' ');
          for (const word of lines.join(' ').match(/[a-z]+/g) ?? []) expect(text).toContain(word);
        },
      ),
    );
  });
});
