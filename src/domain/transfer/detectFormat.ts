/** Which reader a chosen file goes to, from its name and first bytes (never from the name alone for zips). */

export type FileKind = 'apkg' | 'zip' | 'json' | 'csv';

export function detectFormat(fileName: string, bytes: Uint8Array): FileKind {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (/\.(apkg|colpkg)$/i.test(fileName)) return 'apkg';
  if (isZip) return 'zip';
  if (/\.json$/i.test(fileName)) return 'json';
  const first = firstNonSpace(bytes);
  if (first === 0x7b && !/\.(csv|tsv|txt|tab)$/i.test(fileName)) return 'json';
  return 'csv';
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < Math.min(bytes.length, 64); i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf)
      return b;
  }
  return undefined;
}
