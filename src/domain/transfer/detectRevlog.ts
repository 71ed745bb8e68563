/**
 * Recognises review-log CSVs, so they are never offered as a deck of flashcards: the FSRS optimizer's format
 * (`card_id,review_time,review_rating[,review_state],review_duration`, as Cardinal exports it and as py-fsrs
 * and Anki add-ons write it, times in ms or ISO-8601) and Anki's own revlog table
 * (`id,cid,usn,ease,ivl,lastIvl,factor,time,type`), from the header line; revlogRows.ts reads the rows.
 */

export type RevlogKind = 'fsrs-optimizer' | 'anki-revlog';

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
