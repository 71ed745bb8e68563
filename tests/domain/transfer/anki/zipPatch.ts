/** Edits a zip's central directory in place, to make packages that lie about themselves. */

const CENTRAL_HEADER = 0x02014b50;

export function patchCentralEntry(
  zip: Uint8Array,
  name: string,
  patch: { size?: number; compressedSize?: number; flags?: number; newName?: string },
): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = new TextEncoder().encode(name);
  for (let p = 0; p + 46 <= out.length; p++) {
    if (view.getUint32(p, true) !== CENTRAL_HEADER) continue;
    const nameLength = view.getUint16(p + 28, true);
    const entryName = out.subarray(p + 46, p + 46 + nameLength);
    if (nameLength !== encoded.length || !entryName.every((b, i) => b === encoded[i])) continue;
    if (patch.flags !== undefined) view.setUint16(p + 8, patch.flags, true);
    if (patch.compressedSize !== undefined) view.setUint32(p + 20, patch.compressedSize, true);
    if (patch.size !== undefined) view.setUint32(p + 24, patch.size, true);
    if (patch.newName !== undefined) {
      const renamed = new TextEncoder().encode(patch.newName);
      if (renamed.length !== nameLength) throw new Error('a new name must have the same length');
      out.set(renamed, p + 46);
    }
    return out;
  }
  throw new Error(`no central directory entry "${name}"`);
}
