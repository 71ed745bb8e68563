/**
 * Zstandard, as Anki's newest packages use it (the collection, the media map and each media file), decoded with
 * fzstd. Decoding streams in chunks and stops as soon as the output passes the limit, so a small hostile file
 * cannot make us allocate gigabytes.
 */
import { Decompress } from 'fzstd';

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const CHUNK = 64 * 1024;

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export function isZstd(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

export function unzstd(data: Uint8Array, limit: number, where: string): Result<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let isOver = false;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > limit) isOver = true;
    else chunks.push(chunk);
  });
  try {
    for (let p = 0; p < data.length && !isOver; p += CHUNK) {
      const end = Math.min(p + CHUNK, data.length);
      stream.push(data.subarray(p, end), end === data.length);
    }
  } catch {
    return { ok: false, reason: `${where} is damaged (its zstd data is invalid or cut off)` };
  }
  if (isOver) return { ok: false, reason: `${where} unpacks to more than ${limit} bytes (too large)` };
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, value: out };
}
