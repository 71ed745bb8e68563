/**
 * Recognises review-log CSVs, so they are never offered as a deck of flashcards: the FSRS optimizer's format
 * (`card_id,review_time,review_rating[,review_state],review_duration`, as Cardinal exports it and as py-fsrs
 * and Anki add-ons write it, times in ms or ISO-8601) and Anki's own revlog table
 * (`id,cid,usn,ease,ivl,lastIvl,factor,time,type`). Counts its reviews and cards for the message.
 */
import Papa from 'papaparse';

export type RevlogKind = 'fsrs-optimizer' | 'anki-revlog';
export type RevlogFile = { kind: RevlogKind; reviews: number; cards: number };

const FSRS = ['card_id', 'review_time', 'review_rating'];
const ANKI = ['id', 'cid', 'usn', 'ease', 'ivl', 'lastivl', 'factor', 'time', 'type'];

/** Which review-log format the text's header line names, if any. */
export function revlogKind(text: string): RevlogKind | undefined {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const header = firstLine
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .split(/[,\t;]/)
    .map((h) => h.trim());
  const kind: RevlogKind | undefined = FSRS.every((c) => header.includes(c))
    ? 'fsrs-optimizer'
    : ANKI.every((c, i) => header[i] === c)
      ? 'anki-revlog'
      : undefined;
  return kind;
}

export function detectRevlog(text: string): RevlogFile | undefined {
  const kind = revlogKind(text);
  if (!kind) return undefined;
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const cardColumn = kind === 'fsrs-optimizer' ? 'card_id' : 'cid';
  const cards = new Set(parsed.data.map((row) => row[cardColumn]));
  return { kind, reviews: parsed.data.length, cards: cards.size };
}
