/**
 * Turns an HTML field (Anki, CSV with `#html:true`) into Cardinal's plain text: tags stripped, <br>, <hr> and
 * block boundaries (<div>, <p>, <li>, <tr>, headings) become line breaks, entities decoded (by the `entities`
 * library, every HTML5 name), <script>/<style> content dropped, images replaced by their alt text and counted.
 * The result is only ever shown as text, so nothing in it can run. Pure string work (no DOM), so it runs the
 * same in tests, the page and a worker (where there is no DOMParser).
 */
import { decodeHTML } from 'entities/decode';

const BLOCK = 'div|p|li|ul|ol|tr|table|h[1-6]|blockquote|pre|section|article|header|footer|dd|dt|dl|hr';
/** Marks a block boundary until runs of them are collapsed into one line break. */
const BOUNDARY = '\u0000';

/**
 * @example htmlToText('a<br>b<div>c &amp; d</div><img src="x.png">') // { text: 'a\nb\nc & d', images: 1 }
 * @example htmlToText('<img alt="A towel" src="t.jpg">') // { text: 'A towel', images: 1 }
 */
export function htmlToText(html: string): { text: string; images: number } {
  let images = 0;
  let out = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|template|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<img\b[^>]*>/gi, (tag) => {
      images++;
      const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      return alt ? ` ${(alt[1] ?? alt[2] ?? alt[3] ?? '').replace(/[<>]/g, '')} ` : '';
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
  return decodeHTML(text);
}
