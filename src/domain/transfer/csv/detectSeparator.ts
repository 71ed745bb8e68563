/**
 * Guesses the field separator of delimited text from its first lines: Tab, comma, semicolon, pipe, or a
 * multi-character separator that every line repeats (Quizlet's custom ones: `/////`, ` - `, `::`). The
 * separator that splits the most lines into the same number (≥ 2) of fields wins; on a tie, the one least
 * likely to occur inside text (Tab, then a multi-character one, then semicolon, pipe, comma).
 */
import Papa from 'papaparse';

export const SINGLE_SEPARATORS = ['\t', ';', '|', ','] as const;
const SAMPLE_LINES = 30;
const MIN_MULTI = 2;

export type SeparatorGuess = {
  delimiter: string;
  /** Multi-character separators come from copies that do not quote (Quizlet): quotes are then plain text. */
  quotes: boolean;
  /** Of the sampled lines, how many split into the usual number of fields. */
  consistentLines: number;
  sampledLines: number;
  fields: number;
};

export function detectSeparator(text: string): SeparatorGuess | undefined {
  const sample = sampleOf(text);
  const lines = sample.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return undefined;
  const candidates: Array<{ delimiter: string; quotes: boolean; rank: number }> = [
    { delimiter: '\t', quotes: true, rank: 0 },
    ...multiCharacterCandidates(lines).map((d) => ({ delimiter: d, quotes: false, rank: 1 })),
    { delimiter: ';', quotes: true, rank: 2 },
    { delimiter: '|', quotes: true, rank: 3 },
    { delimiter: ',', quotes: true, rank: 4 },
  ];
  let best: (SeparatorGuess & { rank: number }) | undefined;
  for (const { delimiter, quotes, rank } of candidates) {
    const counts = fieldCounts(sample, lines, delimiter, quotes);
    const { value: fields, times } = mode(counts);
    if (fields < 2) continue;
    const guess = { delimiter, quotes, consistentLines: times, sampledLines: counts.length, fields, rank };
    if (!best || times > best.consistentLines || (times === best.consistentLines && rank < best.rank))
      best = guess;
  }
  if (!best) return undefined;
  const { rank: _rank, ...guess } = best;
  return guess;
}

/** The first lines, cut at a line break so a quoted field is not split mid-way more than necessary. */
function sampleOf(text: string): string {
  let end = 0;
  for (let i = 0; i < SAMPLE_LINES && end !== -1; i++) end = text.indexOf('\n', end + 1);
  return end === -1 ? text : text.slice(0, end);
}

function fieldCounts(sample: string, lines: readonly string[], delimiter: string, quotes: boolean): number[] {
  if (!quotes) return lines.map((l) => l.split(delimiter).length);
  const parsed = Papa.parse<string[]>(sample, { delimiter, quoteChar: '"', skipEmptyLines: 'greedy' });
  return parsed.data.map((row) => row.length);
}

/** Runs of 2+ punctuation characters (or " - ") that occur in every sampled line, longest first. */
function multiCharacterCandidates(lines: readonly string[]): string[] {
  const first = lines[0] ?? '';
  const found = new Set<string>();
  for (const m of first.matchAll(/[^\p{L}\p{N}\s"']{2,}|\s[-–—=:>]+\s/gu)) found.add(m[0]);
  return [...found]
    .filter(
      (d) =>
        d.length >= MIN_MULTI && lines.filter((l) => l.includes(d)).length >= Math.ceil(lines.length * 0.8),
    )
    .sort((a, b) => b.length - a.length);
}

function mode(values: readonly number[]): { value: number; times: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = { value: 0, times: 0 };
  for (const [value, times] of counts)
    if (times > best.times || (times === best.times && value < best.value)) best = { value, times };
  return best;
}
