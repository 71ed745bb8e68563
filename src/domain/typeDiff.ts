/**
 * Character diff between a typed answer and the expected one, for the type-in answer mode (as Anki's
 * "type answer" field): longest common subsequence, compared case-insensitively and ignoring surrounding spaces.
 */
export type DiffPart = { kind: 'same' | 'extra' | 'missing'; text: string };

export type TypedAnswerCheck = { correct: boolean; typed: DiffPart[]; expected: DiffPart[] };

const MAX_DIFF_LENGTH = 500;

export function checkTypedAnswer(typedRaw: string, expectedRaw: string): TypedAnswerCheck {
  const typed = typedRaw.trim().slice(0, MAX_DIFF_LENGTH);
  const expected = expectedRaw.trim().slice(0, MAX_DIFF_LENGTH);
  const a = [...typed.toLowerCase()];
  const b = [...expected.toLowerCase()];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const typedChars = [...typed];
  const expectedChars = [...expected];
  const typedParts: DiffPart[] = [];
  const expectedParts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(typedParts, 'same', typedChars[i] ?? '');
      push(expectedParts, 'same', expectedChars[j] ?? '');
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      push(expectedParts, 'missing', expectedChars[j] ?? '');
      j++;
    } else {
      push(typedParts, 'extra', typedChars[i] ?? '');
      i++;
    }
  }
  return {
    correct: typed.toLowerCase() === expected.toLowerCase(),
    typed: typedParts,
    expected: expectedParts,
  };
}

function push(parts: DiffPart[], kind: DiffPart['kind'], char: string): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += char;
  else parts.push({ kind, text: char });
}

/** Type-in applies to basic answers short enough to type. */
export const TYPE_IN_MAX_LENGTH = 60;
