/**
 * Bytes → text for the text formats (JSON, CSV). UTF-8 is expected; a UTF-16 file is read when it starts with
 * its byte-order mark; anything else that is not valid UTF-8 is refused with the byte offset, because guessing an
 * encoding silently corrupts card text.
 */
import { failure } from './limits';
import type { ImportFailure } from './parsedImport';

export type Decoded = { ok: true; text: string } | ImportFailure;

export function decodeText(fileName: string, bytes: Uint8Array): Decoded {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  try {
    // TextDecoder drops a UTF-8 or UTF-16 byte-order mark itself.
    const text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
    if (text.trim() === '') return failure(fileName, 'file', 'is empty');
    return { ok: true, text };
  } catch {
    const at = utf16 ? 0 : firstInvalidUtf8(bytes);
    return failure(
      fileName,
      `byte ${at}`,
      `is not valid ${utf16 ?? 'UTF-8'} text; save the file as UTF-8 and try again`,
    );
  }
}

/** Offset of the first byte that breaks UTF-8, for the message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}
