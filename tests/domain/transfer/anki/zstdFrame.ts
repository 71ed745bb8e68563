/**
 * Writes Zstandard frames for tests (fzstd only decompresses and Node 20 has no zstd): a single-segment frame
 * with its content size, holding the data as raw (uncompressed) blocks, which every zstd decoder must read
 * (RFC 8878 §3.1.1). The decoder under test does the real work; this only wraps bytes the way zstd does.
 */
const MAX_BLOCK = 128 * 1024;

export function zstdFrame(data: Uint8Array): Uint8Array {
  const blocks: number[] = [];
  const parts: Uint8Array[] = [];
  const header = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xa0, 0, 0, 0, 0]);
  new DataView(header.buffer).setUint32(5, data.length, true);
  parts.push(header);
  let p = 0;
  do {
    const size = Math.min(MAX_BLOCK, data.length - p);
    const isLast = p + size >= data.length ? 1 : 0;
    const word = isLast | (0 << 1) | (size << 3); // block type 0: raw
    parts.push(
      new Uint8Array([word & 0xff, (word >> 8) & 0xff, (word >> 16) & 0xff]),
      data.subarray(p, p + size),
    );
    blocks.push(size);
    p += size;
  } while (p < data.length);
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
