import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/domain/transfer/htmlToText';

describe('htmlToText', () => {
  it.each([
    ['plain', 'plain', 0],
    ['a<br>b<br/>c', 'a\nb\nc', 0],
    ['line one<div>line two</div><div>line three</div>', 'line one\nline two\nline three', 0],
    ['<p>Para</p><p>Next</p>', 'Para\nNext', 0],
    ['<b>bold</b> and <i>it</i>', 'bold and it', 0],
    ['a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;&nbsp;z', 'a & b <c> "d" \'e\' A z', 0],
    ['&unknown; stays', '&unknown; stays', 0],
    ['x<img src="a.png">y<IMG SRC=b.jpg>', 'xy', 2],
    ['<script>alert(1)</script>safe', 'safe', 0],
    ['<style>.a{}</style>text', 'text', 0],
    ['<a href="javascript:alert(1)" onclick="x()">link</a>', 'link', 0],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>', 0],
    ['  spaced\n   out  ', 'spaced out', 0],
    ['a<br><br>b', 'a\n\nb', 0],
    ['<!-- comment -->kept', 'kept', 0],
    ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo', 0],
    // Every HTML5 entity, from the entities library (no hand-written table).
    ['caf&eacute; &hearts; &Omega; &rarrw; &#233;', 'café ♥ Ω ↝ é', 0],
    // Anki's answer separator is a line, not glue between words.
    ['question<hr id=answer>answer', 'question\nanswer', 0],
    ['<img alt="A towel" src="t.jpg">', 'A towel', 1],
  ])('%j → %j', (html, text, images) => {
    expect(htmlToText(html)).toEqual({ text, images });
  });

  it('never throws and never leaves a tag-shaped string it was given as markup', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const { text, images } = htmlToText(s);
        expect(typeof text).toBe('string');
        expect(images).toBeGreaterThanOrEqual(0);
      }),
    );
    expect(htmlToText('<img src=x onerror="alert(1)">').text).toBe('');
  });
});
