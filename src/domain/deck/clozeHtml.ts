/**
 * A cloze card's HTML (textHtml) as one review item shows it: deletion n hidden as a blank (question) or marked
 * (answer), every other deletion shown as its answer. The result is untrusted HTML like any card HTML: it is
 * only ever shown through the sanitizer.
 */
import { parseCloze } from './cloze';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function clozeHtml(textHtml: string, n: number): { question: string; answer: string } | undefined {
  const parsed = parseCloze(textHtml);
  if (!parsed.ok) return undefined;
  const render = (revealed: boolean) =>
    parsed.segments
      .map((s) => {
        if (s.type === 'text') return s.text;
        if (s.n !== n) return s.answer;
        return revealed
          ? `<mark class="cloze-answer">${s.answer}</mark>`
          : `<span class="cloze-blank">[${escapeText(s.hint ?? '…')}]</span>`;
      })
      .join('');
  return { question: render(false), answer: render(true) };
}
