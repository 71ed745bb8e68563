import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeCardHtml } from '../../src/ui/sanitizeHtml';

const media = (name: string) =>
  name === 'cat.jpg' ? 'blob:cat' : name === 'meow.mp3' ? 'blob:meow' : undefined;

function html(input: string): string {
  const div = document.createElement('div');
  div.append(sanitizeCardHtml(input, media));
  return div.innerHTML;
}

describe('sanitizeCardHtml', () => {
  it('keeps formatting, lists, tables, code and line breaks', () => {
    const kept =
      '<b>b</b><i>i</i><u>u</u><sub>1</sub><sup>2</sup><br><ul><li>one</li></ul><ol><li>two</li></ol><table><tbody><tr><td>c</td></tr></tbody></table><pre><code>ls -l</code></pre>';
    expect(html(kept)).toBe(kept);
  });

  it('shows images and sounds from the deck media, sounds with controls', () => {
    expect(html('<img src="cat.jpg" alt="a cat">[x]<audio src="meow.mp3"></audio>')).toBe(
      '<img src="blob:cat" alt="a cat">[x]<audio src="blob:meow" controls=""></audio>',
    );
  });

  it('names media the deck lacks, and never loads anything remote', () => {
    expect(
      html('<img src="dog.png"><img src="https://evil.example/t.gif"><audio src="//x/y.mp3"></audio>'),
    ).toBe('[dog.png][https://evil.example/t.gif][//x/y.mp3]');
  });

  it('leaves hostile HTML inert: no scripts, handlers, javascript: URLs, styles, frames, forms or links', () => {
    const out = html(
      [
        '<script>window.__pwned=1</script>',
        '<img src="cat.jpg" onerror="window.__pwned=2">',
        '<svg onload="window.__pwned=3"><circle/></svg>',
        '<a href="javascript:window.__pwned=4">click</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<form action="https://evil.example"><input name="p"></form>',
        '<div style="position:fixed;inset:0" class="overlay" onclick="x()">cover</div>',
        '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
        '<object data="x.swf"></object><embed src="x.swf"><link rel="stylesheet" href="x.css"><style>*{}</style>',
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      ].join(''),
    );
    expect(out).not.toMatch(
      /<script|onerror|onload|onclick|javascript:|<iframe|<form|<input|style=|<a\b|<svg|<math|<object|<embed|<link|class=|href/i,
    );
    expect(out).toContain('click');
    expect(out).toContain('cover');
  });

  it('never lets an event handler or script through, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '<img src=x ',
            'onerror=',
            '"alert(1)"',
            '>',
            '<script>',
            '</script>',
            '<a href=',
            'javascript:',
            '<svg ',
            'onload=',
            '<b>',
            'text',
            "'",
            '"',
            '<!--',
            '-->',
            '<style>',
            '<iframe ',
          ),
        ),
        (parts) => {
          const div = document.createElement('div');
          div.append(sanitizeCardHtml(parts.join(''), media));
          for (const el of div.querySelectorAll('*')) {
            expect(['SCRIPT', 'IFRAME', 'SVG', 'A', 'STYLE']).not.toContain(el.tagName.toUpperCase());
            for (const attr of el.attributes) expect(attr.name).not.toMatch(/^on/i);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
