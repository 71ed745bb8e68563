/**
 * Turns an HTML field (Anki, CSV with `#html:true`) into Cardinal's plain text: tags stripped, <br> and block
 * boundaries (<div>, <p>, <li>, <tr>, headings) become line breaks, entities decoded, <script>/<style> content
 * dropped, images dropped and counted. The result is only ever shown as text, so nothing in it can run.
 * Pure string work (no DOM), so it runs the same in tests, the page and a worker.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwsp: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  micro: 'µ',
  para: '¶',
  sect: '§',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  rArr: '⇒',
  lArr: '⇐',
  hArr: '⇔',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  minus: '−',
};

const BLOCK = 'div|p|li|ul|ol|tr|table|h[1-6]|blockquote|pre|section|article|header|footer|dd|dt|dl';
/** Marks a block boundary until runs of them are collapsed into one line break. */
const BOUNDARY = '\u0000';

/**
 * @example htmlToText('a<br>b<div>c &amp; d</div><img src="x.png">') // { text: 'a\nb\nc & d', images: 1 }
 */
export function htmlToText(html: string): { text: string; images: number } {
  let images = 0;
  let out = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|template|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<img\b[^>]*>/gi, () => {
      images++;
      return '';
    })
    // In HTML, raw line breaks and runs of spaces are one space.
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(new RegExp(`</?(?:${BLOCK})\\b[^>]*>`, 'gi'), BOUNDARY)
    // Any other tag goes; a lone "<" that never closes is text, as a browser would show it.
    .replace(/<\/?[a-zA-Z!?/][^>]*>/g, '')
    .replace(new RegExp(`${BOUNDARY}(?:[ ]*${BOUNDARY})*`, 'g'), '\n');
  out = decodeEntities(out);
  const text = out
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, images };
}

export function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g,
    (whole, body: string) => {
      if (body.startsWith('#')) {
        const code =
          body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
          return '\uFFFD';
        return String.fromCodePoint(code);
      }
      return NAMED[body] ?? whole;
    },
  );
}
