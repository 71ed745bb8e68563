/**
 * Cloze text uses Anki's syntax: `{{c1::answer}}` or `{{c1::answer::hint}}`.
 * Each distinct number is one review item; the same number twice is hidden together.
 */

export type ClozeSegment =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'deletion'; readonly n: number; readonly answer: string; readonly hint?: string };

export type ClozeParse =
  | { readonly ok: true; readonly segments: readonly ClozeSegment[]; readonly numbers: readonly number[] }
  | { readonly ok: false; readonly error: string };

const DELETION = /\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/gs;

/**
 * @example parseCloze('VXLAN uses {{c1::UDP}} port {{c2::4789}}').numbers // [1, 2]
 */
export function parseCloze(text: string): ClozeParse {
  const segments: ClozeSegment[] = [];
  const seen = new Set<number>();
  let last = 0;
  for (const match of text.matchAll(DELETION)) {
    const [whole, num, answer = '', hint] = match;
    const n = Number(num);
    if (!Number.isInteger(n) || n < 1)
      return { ok: false, error: `deletion "${whole}" must be numbered from c1` };
    if (answer.trim() === '') return { ok: false, error: `deletion c${n} has an empty answer` };
    if (answer.includes('{{') || answer.includes('}}'))
      return { ok: false, error: `deletion c${n} is nested` };
    const before = text.slice(last, match.index);
    if (before.includes('{{') || before.includes('}}')) return { ok: false, error: unmatched(before) };
    if (before) segments.push({ type: 'text', text: before });
    segments.push(
      hint === undefined ? { type: 'deletion', n, answer } : { type: 'deletion', n, answer, hint },
    );
    seen.add(n);
    last = match.index + whole.length;
  }
  const rest = text.slice(last);
  if (rest.includes('{{') || rest.includes('}}')) return { ok: false, error: unmatched(rest) };
  if (rest) segments.push({ type: 'text', text: rest });
  if (seen.size === 0) return { ok: false, error: 'has no deletion like {{c1::answer}}' };
  const numbers = [...seen].sort((a, b) => a - b);
  const gap = numbers.findIndex((n, i) => n !== i + 1);
  if (gap !== -1)
    return {
      ok: false,
      error: `deletions must be numbered c1, c2, ... without gaps (c${gap + 1} is missing)`,
    };
  return { ok: true, segments, numbers };
}

function unmatched(fragment: string): string {
  return `has a malformed deletion near "${fragment.trim().slice(0, 40)}" (expected {{cN::answer}})`;
}
