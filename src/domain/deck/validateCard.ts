/**
 * Checks one card as the editor builds it, with the deck schema (zod) and the deck's rules for its kind.
 * Issues name the field in the editor's words, e.g. { field: 'front', message: 'must be a non-empty string' }.
 */
import { type Card, cardSchema } from './schema';
import { kindIssues } from './validate';

export type CardIssue = { field: string; message: string };
export type CardValidation = { ok: true; card: Card } | { ok: false; issues: CardIssue[] };

export function validateCard(input: unknown): CardValidation {
  const parsed = cardSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || 'card',
        message: issue.message,
      })),
    };
  const issues = kindIssues(parsed.data).map(([field, message]) => ({ field, message }));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, card: parsed.data };
}

/** A new card id from its text: lowercase words joined by "-", unique among `taken`. */
export function newCardId(text: string, taken: (id: string) => boolean): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'card';
  const id = /^[a-z0-9]/.test(base) ? `u.${base}` : `u.card`;
  if (!taken(id)) return id;
  for (let n = 2; ; n++) if (!taken(`${id}-${n}`)) return `${id}-${n}`;
}
