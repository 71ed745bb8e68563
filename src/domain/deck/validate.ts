import type { z } from 'zod';
import { parseCloze } from './cloze';
import { type Card, type Deck, deckSchema, type Section } from './schema';
import { choiceIssues } from './validateChoices';

/** One problem in a deck, located precisely enough for a person to fix it. */
export type DeckIssue = {
  /** e.g. `cards[12].front` */
  readonly path: string;
  /** The id of the card the problem is in, when there is one. */
  readonly cardId?: string;
  readonly message: string;
};

export type DeckValidation = { ok: true; deck: Deck } | { ok: false; issues: DeckIssue[] };

/**
 * Checks shape (the schema) and the rules across fields: unique ids, known sections, valid answers, cloze syntax.
 * Messages name the card id and the field, e.g. `card "san.def" (cards[3]) field "front": must be a non-empty string`.
 */
export function validateDeck(input: unknown): DeckValidation {
  const parsed = deckSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, issues: parsed.error.issues.map((issue) => fromZod(issue, input)) };
  const issues = checkRules(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, deck: parsed.data };
}

export function formatIssue(issue: DeckIssue): string {
  const match = /^cards\[(\d+)\](?:\.(.+))?$/.exec(issue.path);
  if (match && issue.cardId !== undefined) {
    const field = match[2] ? ` field "${match[2]}"` : '';
    return `card "${issue.cardId}" (cards[${match[1]}])${field}: ${issue.message}`;
  }
  if (match) return `cards[${match[1]}]${match[2] ? ` field "${match[2]}"` : ''}: ${issue.message}`;
  return `${issue.path ? `field "${issue.path}"` : 'deck'}: ${issue.message}`;
}

function fromZod(issue: z.core.$ZodIssue, input: unknown): DeckIssue {
  const path = formatPath(issue.path);
  const cardIndex =
    issue.path[0] === 'cards' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
  const cardId = cardIndex === undefined ? undefined : rawCardId(input, cardIndex);
  const message = messageOf(issue);
  return cardId === undefined ? { path, message } : { path, cardId, message };
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'unrecognized_keys')
    return `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union' && 'discriminator' in issue)
    return 'field "kind" must be one of basic, cloze, mcq, truefalse';
  if (issue.code === 'invalid_value')
    return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  return issue.message;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

function rawCardId(input: unknown, index: number): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const cards = (input as { cards?: unknown }).cards;
  if (!Array.isArray(cards)) return undefined;
  const card: unknown = cards[index];
  if (typeof card !== 'object' || card === null) return undefined;
  const cardId = (card as { id?: unknown }).id;
  return typeof cardId === 'string' ? cardId : undefined;
}

function checkRules(deck: Deck): DeckIssue[] {
  const issues: DeckIssue[] = [];
  const sectionIds = new Set<string>();
  walkSections(deck.sections, 'sections', (section, path) => {
    if (sectionIds.has(section.id))
      issues.push({ path: `${path}.id`, message: `duplicate section id "${section.id}"` });
    sectionIds.add(section.id);
  });

  const cardIds = new Map<string, number>();
  deck.cards.forEach((card, index) => {
    const at = (field: string, message: string) =>
      issues.push({ path: `cards[${index}].${field}`, cardId: card.id, message });
    const first = cardIds.get(card.id);
    if (first !== undefined) at('id', `duplicate card id (also cards[${first}])`);
    else cardIds.set(card.id, index);
    if (!sectionIds.has(card.section)) at('section', `unknown section "${card.section}"`);
    if (card.tags && new Set(card.tags).size !== card.tags.length) at('tags', 'has a duplicate tag');
    for (const [field, message] of kindIssues(card)) at(field, message);
  });
  issues.push(...choiceIssues(deck));
  return issues;
}

export function kindIssues(card: Card): Array<[field: string, message: string]> {
  switch (card.kind) {
    case 'basic':
      return [];
    case 'cloze': {
      const parsed = parseCloze(card.text);
      return parsed.ok ? [] : [['text', parsed.error]];
    }
    case 'mcq': {
      const out: Array<[string, string]> = [];
      const normalized = card.options.map((o) => o.trim().toLowerCase());
      const dup = normalized.findIndex((o, i) => normalized.indexOf(o) !== i);
      if (dup !== -1) out.push([`options[${dup}]`, `duplicates another option ("${card.options[dup]}")`]);
      const bad = card.correct.find((c) => c >= card.options.length);
      if (bad !== undefined)
        out.push(['correct', `index ${bad} is out of range (0-${card.options.length - 1})`]);
      if (new Set(card.correct).size !== card.correct.length) out.push(['correct', 'lists an option twice']);
      if (card.correct.length === card.options.length) out.push(['correct', 'marks every option correct']);
      return out;
    }
    case 'truefalse':
      return [];
  }
}

export function walkSections(
  sections: readonly Section[],
  path: string,
  visit: (section: Section, path: string, depth: number) => void,
  depth = 0,
): void {
  sections.forEach((section, i) => {
    const here = `${path}[${i}]`;
    visit(section, here, depth);
    if (section.children) walkSections(section.children, `${here}.children`, visit, depth + 1);
  });
}
