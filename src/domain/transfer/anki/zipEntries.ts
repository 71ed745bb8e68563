/**
 * A small zip reader for Anki packages. It reads the central directory first, so every entry's declared size
 * is known (and refused when too large) before a single byte is inflated; it inflates one entry at a time
 * with a streaming inflater that stops as soon as the output grows past the declared size, so a zip that lies
 * about its sizes cannot make us inflate more than we agreed to.
 */
import { Inflate } from 'fflate';
import {
  MAX_COMPRESSION_RATIO,
  MAX_TOTAL_UNCOMPRESSED_BYTES,
  MIN_RATIO_CHECK_BYTES,
  megabytes,
} from './limits';

export type ZipEntry = {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  isEncrypted: boolean;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
const INFLATE_CHUNK = 64 * 1024;

/** Lists the entries of a zip from its central directory, refusing sizes over the limits. */
export function readZipDirectory(bytes: Uint8Array): Result<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) return { ok: false, reason: 'is not a zip file' };

  let count = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (count === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX) {
    const zip64 = readZip64End(view, eocd);
    if (!zip64.ok) return zip64;
    ({ count, directorySize, directoryOffset } = zip64.value);
  }
  if (directoryOffset + directorySize > bytes.length)
    return { ok: false, reason: 'is a damaged zip file (its directory points past the end of the file)' };

  const entries: ZipEntry[] = [];
  let p = directoryOffset;
  const end = directoryOffset + directorySize;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL_HEADER)
      return { ok: false, reason: 'is a damaged zip file (bad central directory)' };
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) return { ok: false, reason: 'is a damaged zip file (bad central directory)' };
    const name = new TextDecoder().decode(bytes.subarray(nameStart, extraStart));
    if (size === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      const wide = readZip64Extra(view, extraStart, extraLength, {
        size,
        compressedSize,
        localHeaderOffset,
      });
      if (!wide.ok) return { ok: false, reason: `is a damaged zip file (entry "${name}": ${wide.reason})` };
      ({ size, compressedSize, localHeaderOffset } = wide.value);
    }
    entries.push({
      name,
      method,
      isEncrypted: (flags & 1) === 1,
      compressedSize,
      size,
      localHeaderOffset,
    });
    p = next;
  }
  const sizeProblem = checkDeclaredSizes(entries);
  return sizeProblem ? { ok: false, reason: sizeProblem } : { ok: true, value: entries };
}

/** Zip-bomb guard, on the sizes the directory declares. */
function checkDeclaredSizes(entries: readonly ZipEntry[]): string | undefined {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_TOTAL_UNCOMPRESSED_BYTES)
    return `would unpack to ${megabytes(total)}, over the ${megabytes(MAX_TOTAL_UNCOMPRESSED_BYTES)} limit`;
  const bomb = entries.find(
    (e) => e.size > MIN_RATIO_CHECK_BYTES && e.size / Math.max(e.compressedSize, 1) > MAX_COMPRESSION_RATIO,
  );
  if (bomb)
    return `looks like a zip bomb: "${bomb.name}" claims to unpack ${megabytes(bomb.compressedSize)} into ${megabytes(bomb.size)}`;
  return undefined;
}

/** Inflates one entry, never producing more than its declared size. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array> {
  const where = `"${entry.name}"`;
  if (entry.isEncrypted) return { ok: false, reason: `${where} is password-protected` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER)
    return { ok: false, reason: `${where} is damaged (missing local header)` };
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length)
    return {
      ok: false,
      reason: `the file is incomplete (ends at byte ${bytes.length}, inside ${where}); download or copy it again`,
    };
  const data = bytes.subarray(dataStart, dataEnd);

  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      return { ok: false, reason: `${where} is damaged (stored entry with two different sizes)` };
    return { ok: true, value: data.slice() };
  }
  if (entry.method !== 8)
    return {
      ok: false,
      reason: `${where} uses zip compression method ${entry.method}; only stored and deflate are supported`,
    };
  return inflateBounded(data, entry.size, where);
}

function inflateBounded(data: Uint8Array, declared: number, where: string): Result<Uint8Array> {
  const out = new Uint8Array(declared);
  let written = 0;
  let isOverflowing = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > declared) {
      isOverflowing = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let p = 0; p < data.length && !isOverflowing; p += INFLATE_CHUNK) {
      const end = Math.min(p + INFLATE_CHUNK, data.length);
      inflater.push(data.subarray(p, end), end === data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch {
    return { ok: false, reason: `${where} is damaged (its compressed data is invalid)` };
  }
  if (isOverflowing)
    return {
      ok: false,
      reason: `${where} unpacks to more than its declared size (a zip bomb or damaged file)`,
    };
  if (written !== declared)
    return { ok: false, reason: `${where} is damaged (unpacked ${written} bytes, expected ${declared})` };
  return { ok: true, value: out };
}

function findEndOfCentralDirectory(view: DataView): number | undefined {
  const lowest = Math.max(0, view.byteLength - 22 - U16_MAX);
  for (let p = view.byteLength - 22; p >= lowest; p--) if (view.getUint32(p, true) === EOCD) return p;
  return undefined;
}

function readU64(view: DataView, at: number): number | undefined {
  const low = view.getUint32(at, true);
  const high = view.getUint32(at + 4, true);
  const value = high * 2 ** 32 + low;
  return Number.isSafeInteger(value) ? value : undefined;
}

function readZip64End(
  view: DataView,
  eocd: number,
): Result<{ count: number; directorySize: number; directoryOffset: number }> {
  const damaged = { ok: false, reason: 'is a damaged zip file (bad ZIP64 directory)' } as const;
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return damaged;
  const at = readU64(view, locator + 8);
  if (at === undefined || at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD)
    return damaged;
  const count = readU64(view, at + 32);
  const directorySize = readU64(view, at + 40);
  const directoryOffset = readU64(view, at + 48);
  if (count === undefined || directorySize === undefined || directoryOffset === undefined) return damaged;
  return { ok: true, value: { count, directorySize, directoryOffset } };
}

type WideFields = { size: number; compressedSize: number; localHeaderOffset: number };

/** ZIP64 extra field (id 1): 8-byte values, present only for the fields that hold 0xFFFFFFFF, in this order. */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  fields: WideFields,
): Result<WideFields> {
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 1) {
      const out = { ...fields };
      let q = p + 4;
      for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
        if (out[key] !== U32_MAX) continue;
        if (q + 8 > p + 4 + size) return { ok: false, reason: 'short ZIP64 field' };
        const value = readU64(view, q);
        if (value === undefined) return { ok: false, reason: 'ZIP64 size out of range' };
        out[key] = value;
        q += 8;
      }
      return { ok: true, value: out };
    }
    p += 4 + size;
  }
  return { ok: false, reason: 'missing ZIP64 field' };
}
