import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldContent, isMediaName, localMedia } from '../../../src/domain/transfer/richField';

describe('fieldContent', () => {
  it('keeps plain text and line-break-only fields as text', () => {
    expect(fieldContent('plain')).toEqual({ text: 'plain', media: [], images: 0, sounds: 0 });
    expect(fieldContent('a<br>b<div>c</div>')).toEqual({ text: 'a\nb\nc', media: [], images: 0, sounds: 0 });
  });

  it('keeps the HTML of formatted fields, with images and sounds (Anki [sound:] → <audio>)', () => {
    expect(fieldContent('<b>bold</b> [sound:say it.mp3]<img src="cat.jpg">')).toEqual({
      text: 'bold',
      html: '<b>bold</b> <audio controls src="say it.mp3"></audio><img src="cat.jpg">',
      media: ['say it.mp3', 'cat.jpg'],
      images: 1,
      sounds: 1,
    });
  });

  it('names an image-only field by its file, so it is not empty', () => {
    expect(fieldContent('<img src="paste-d0ff.jpg">').text).toBe('[paste-d0ff.jpg]');
  });

  it('never lists URLs or paths as media', () => {
    expect(
      localMedia(
        '<img src="https://x.org/a.png"><img src="../etc/passwd.png"><img src="data:image/png;base64,AA"><img src=ok.png>',
      ),
    ).toEqual(['ok.png']);
    fc.assert(
      fc.property(fc.string(), (name) => {
        if (isMediaName(name)) expect(name).not.toMatch(/[/\\:]|^\.\.?$/);
      }),
    );
  });
});
