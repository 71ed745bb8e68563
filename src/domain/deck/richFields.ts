/**
 * Rich card content (deck formatVersion 2): a card may carry, beside its plain text fields, the same field as
 * HTML, e.g. `front` + `frontHtml`. The text form stays required and is what exams, typed answers, ids and
 * search use; the HTML is only shown, after DOMPurify with an allowlist (src/ui/sanitizeHtml.ts), and may load
 * images and sounds by file name from the deck's media (stored in IndexedDB). Version 1 files are plain text.
 */
import { z } from 'zod';

export const RICH_HTML_MAX = 20_000;

const html = z.string().max(RICH_HTML_MAX, `is longer than ${RICH_HTML_MAX} characters`).optional();

export const basicRichFields = { frontHtml: html, backHtml: html };
export const clozeRichFields = { textHtml: html };
