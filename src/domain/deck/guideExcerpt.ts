/**
 * The place in a guide passage a card comes from: the sentence, list item or table row that shares the most
 * (and the rarest) words with the card. Words are weighted by how rare they are in the passage (tf-idf cosine),
 * so "4789" or "broadcast" count more than "virtualization".
 */
import { parseCloze } from './cloze';
import type { GuideBlock } from './guideDocument';
import type { Card } from './schema';

export type GuideExcerpt =
  | {
      kind: 'paragraph';
      /** The nearest sub-heading above the match, if any ("Key Features:"). */
      heading: string | null;
      sentences: string[];
      match: number;
    }
  | { kind: 'list'; heading: string | null; items: string[]; match: number }
  | { kind: 'table'; heading: string | null; header: string[]; rows: string[][]; match: number };

const STOPWORDS = new Set(
  (
    'a an and are as at be by can does do for from has have how in into is it its of on or that the their them ' +
    'they this to was what when where which who why will with without you your true false not than other'
  ).split(' '),
);

/** Lowercased words of two or more characters, stopwords dropped, a plural "s" trimmed. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Everything a card says: its question, answer(s) and explanation, as plain text. */
export function cardText(card: Card): string {
  switch (card.kind) {
    case 'basic':
      return `${card.front} ${card.back}`;
    case 'cloze': {
      const parsed = parseCloze(card.text);
      return parsed.ok
        ? parsed.segments.map((s) => (s.type === 'text' ? s.text : s.answer)).join('')
        : card.text;
    }
    case 'mcq':
      return [card.prompt, ...card.correct.map((i) => card.options[i] ?? ''), card.explanation].join(' ');
    case 'truefalse':
      return `${card.statement} ${card.explanation}`;
  }
}

/** A paragraph's sentences (split after . ! or ? followed by a space). */
export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

type Unit = { block: number; part: number; words: string[] };

function unitsOf(blocks: readonly GuideBlock[]): Unit[] {
  const units: Unit[] = [];
  blocks.forEach((block, b) => {
    const parts =
      block.kind === 'paragraph'
        ? sentencesOf(block.text)
        : block.kind === 'list'
          ? block.items
          : block.kind === 'table'
            ? block.rows.map((row) => row.join(' '))
            : [];
    parts.forEach((text, part) => {
      units.push({ block: b, part, words: words(text) });
    });
  });
  return units;
}

function counts(list: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const w of list) map.set(w, (map.get(w) ?? 0) + 1);
  return map;
}

/** The unit a card most likely comes from, as an excerpt of its block; null when no word is shared. */
export function findExcerpt(blocks: readonly GuideBlock[], text: string): GuideExcerpt | null {
  const units = unitsOf(blocks);
  const query = counts(words(text));
  if (units.length === 0 || query.size === 0) return null;
  const documentFrequency = new Map<string, number>();
  for (const unit of units)
    for (const w of new Set(unit.words)) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((1 + units.length) / (1 + (documentFrequency.get(w) ?? 0))) + 1;

  let best: { unit: Unit; score: number } | null = null;
  for (const unit of units) {
    const own = counts(unit.words);
    let dot = 0;
    let norm = 0;
    for (const [w, n] of own) {
      const weight = n * idf(w);
      norm += weight * weight;
      const q = query.get(w);
      if (q !== undefined) dot += weight * q * idf(w);
    }
    const score = norm > 0 ? dot / Math.sqrt(norm) : 0;
    if (score > 0 && (best === null || score > best.score)) best = { unit, score };
  }
  if (!best) return null;

  const { block: b, part } = best.unit;
  const block = blocks[b] as GuideBlock;
  let heading: string | null = null;
  for (let i = b - 1; i >= 0 && heading === null; i--) {
    const above = blocks[i];
    if (above?.kind === 'heading') heading = above.text;
  }
  switch (block.kind) {
    case 'paragraph':
      return { kind: 'paragraph', heading, sentences: sentencesOf(block.text), match: part };
    case 'list':
      return { kind: 'list', heading, items: block.items, match: part };
    case 'table':
      return { kind: 'table', heading, header: block.header, rows: block.rows, match: part };
    case 'heading':
      return null;
  }
}
