/**
 * What an import will do to the stored deck, computed before (for the summary) and again inside the write
 * transaction (for the write). Pure: the db layer passes in what is stored.
 */
import type { Deck, Section } from '../deck/schema';
import { formatIssue, validateDeck } from '../deck/validate';
import { type DeckSyncPlan, planDeckSync } from '../deckSync';
import type { CardRecord, CardStateRecord, DeckRecord } from '../records';
import type { ImportProblem, ParsedImport } from './parsedImport';

/** Cards already in the deck but missing from the file: `keep` them, or `retire` them (the file is the whole deck). */
export type MissingCards = 'keep' | 'retire';

/** An import never hides cards by default: missing cards are kept unless the user chooses to retire them. */
export const DEFAULT_MISSING_CARDS: MissingCards = 'keep';

export type DeckImportOptions = {
  /** The deck id and title the user chose on the preview. */
  deckId: string;
  title: string;
  missing: MissingCards;
};

export type DeckImportSummary = {
  fileName: string;
  deckId: string;
  title: string;
  isNewDeck: boolean;
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
  restored: number;
  skipped: ImportProblem[];
  /** How many rows or notes were skipped (`skipped` may list only the first of them). */
  skippedCount: number;
  warnings: string[];
  history: { added: number; alreadyStored: number; unknownItem: number };
};

export type CombinedDeck = { ok: true; deck: Deck } | { ok: false; problems: ImportProblem[] };

/** The deck to store: the file's deck under the chosen id/title, plus the stored cards it keeps. */
export function combineDecks(
  parsed: ParsedImport,
  options: DeckImportOptions,
  stored: { deck: DeckRecord | undefined; cards: readonly CardRecord[] },
): CombinedDeck {
  const imported: Deck = { ...parsed.deck, id: options.deckId, title: options.title.trim() };
  let deck = imported;
  if (stored.deck && options.missing === 'keep') {
    // A file's section with the same title path as a stored one ("Storage::SAN") is that section.
    const storedPaths = titlePaths(stored.deck.sections);
    const rename = new Map<string, string>();
    for (const [path, id] of titlePaths(imported.sections)) {
      const same = storedPaths.get(path);
      if (same !== undefined) rename.set(id, same);
    }
    const fromFile = new Map(
      imported.cards.map((c) => [c.id, { ...c, section: rename.get(c.section) ?? c.section }]),
    );
    // The stored cards keep their order (the file's version where it has one), so a file holding part of the
    // deck changes only what it changes; the file's other cards follow, in its order.
    const live = [...stored.cards].filter((c) => !c.retired).sort((a, b) => a.position - b.position);
    const liveIds = new Set(live.map((c) => c.id));
    deck = {
      ...imported,
      sections: mergeSections(stored.deck.sections, renameSections(imported.sections, rename)),
      cards: [
        ...live.map((c) => fromFile.get(c.id) ?? c.card),
        ...[...fromFile.values()].filter((c) => !liveIds.has(c.id)),
      ],
    };
  }
  const checked = validateDeck(deck);
  if (!checked.ok)
    return {
      ok: false,
      problems: checked.issues.slice(0, 50).map((i) => ({ where: parsed.fileName, reason: formatIssue(i) })),
    };
  return { ok: true, deck: checked.deck };
}

function titlePaths(sections: readonly Section[], prefix = '', out = new Map<string, string>()) {
  for (const s of sections) {
    const path = prefix ? `${prefix}::${s.title}` : s.title;
    if (!out.has(path)) out.set(path, s.id);
    if (s.children) titlePaths(s.children, path, out);
  }
  return out;
}

function renameSections(sections: readonly Section[], rename: ReadonlyMap<string, string>): Section[] {
  return sections.map((s) => ({
    ...s,
    id: rename.get(s.id) ?? s.id,
    ...(s.children ? { children: renameSections(s.children, rename) } : {}),
  }));
}

/** Stored sections first; a file's section whose id is already there is not added again. */
function mergeSections(stored: readonly Section[], imported: readonly Section[]): Section[] {
  const ids = new Set<string>();
  const collect = (list: readonly Section[]) => {
    for (const s of list) {
      ids.add(s.id);
      if (s.children) collect(s.children);
    }
  };
  collect(stored);
  const fresh = (list: readonly Section[]): Section[] =>
    list.flatMap((s) => {
      if (ids.has(s.id)) return s.children ? fresh(s.children) : [];
      return [s];
    });
  return [...stored, ...fresh(imported)];
}

/** The summary of writing `deck` over what is stored (same rules as the write). */
export function summarizeDeckImport(
  parsed: ParsedImport,
  deck: Deck,
  stored: { deck: DeckRecord | undefined; cards: readonly CardRecord[]; items: readonly CardStateRecord[] },
  now: number,
  history: DeckImportSummary['history'],
): DeckImportSummary {
  return summaryOf(
    parsed,
    deck,
    stored.deck === undefined,
    planDeckSync(deck, stored, now, false).summary,
    history,
  );
}

/** The summary from a plan already made (the write makes it once and reports from it). */
export function summaryOf(
  parsed: ParsedImport,
  deck: Deck,
  isNewDeck: boolean,
  counts: DeckSyncPlan['summary'],
  history: DeckImportSummary['history'],
): DeckImportSummary {
  return {
    fileName: parsed.fileName,
    deckId: deck.id,
    title: deck.title,
    isNewDeck,
    ...counts,
    skipped: parsed.skipped,
    skippedCount: parsed.skipped.length,
    warnings: parsed.warnings,
    history,
  };
}
