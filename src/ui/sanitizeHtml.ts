/**
 * The one way card HTML reaches the page: DOMPurify with an allowlist (text formatting, lists, tables, code,
 * line breaks, images, sounds with controls), then every image and sound source resolved to the deck's media
 * (blob: URLs from IndexedDB) or dropped. No styles, classes from the author, links, forms, scripts, event
 * handlers or remote loads survive, so a card can neither run code nor phone home. Works offline.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'br',
  'hr',
  'p',
  'div',
  'span',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'ruby',
  'rt',
  'rp',
  'img',
  'audio',
];
const ALLOWED_ATTR = ['src', 'alt', 'title', 'colspan', 'rowspan', 'controls', 'class'];
/** Classes the app itself puts in (cloze blanks and answers); an author's classes are removed. */
const APP_CLASSES = new Set(['cloze-blank', 'cloze-answer']);

/** Resolves a media file name to a URL to show it from (a blob: URL), or undefined when the deck lacks it. */
export type MediaUrl = (name: string) => string | undefined;

/** Sanitised HTML as a fragment to insert, with media resolved; missing media become their name in brackets. */
export function sanitizeCardHtml(html: string, mediaUrl: MediaUrl): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const el of fragment.querySelectorAll('[class]')) {
    const kept = [...el.classList].filter((c) => APP_CLASSES.has(c));
    if (kept.length > 0) el.className = kept.join(' ');
    else el.removeAttribute('class');
  }
  for (const el of fragment.querySelectorAll('img, audio')) {
    const name = el.getAttribute('src') ?? '';
    const url = isDataImage(el, name) ? name : mediaUrl(name);
    if (url === undefined) {
      el.replaceWith(document.createTextNode(name ? `[${name}]` : ''));
      continue;
    }
    el.setAttribute('src', url);
    if (el.tagName === 'AUDIO') el.setAttribute('controls', '');
  }
  return fragment;
}

function isDataImage(el: Element, src: string): boolean {
  return el.tagName === 'IMG' && /^data:image\/(png|jpe?g|gif|webp);base64,/i.test(src);
}
