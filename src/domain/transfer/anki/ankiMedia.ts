/**
 * A package's media map: which zip entry holds which media file. Legacy packages store it as JSON
 * (`{"0": "photo.jpg"}`); Anki 23.10+ packages as zstd-compressed protobuf MediaEntries (ankiProto.ts), with
 * each media file zstd-compressed too. Only the map is read here; a file is unpacked when a card uses it.
 */
import { z } from 'zod';
import { mediaEntries } from './ankiProto';
import { isZstd, unzstd } from './zstd';

/** Media file name (as cards reference it) → the zip entry holding it. */
export type MediaMap = Map<string, string>;

type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

const MAX_MAP_BYTES = 64 * 1024 * 1024;
const legacyMap = z.record(z.string(), z.string());

export function readMediaMap(bytes: Uint8Array | undefined): Result<MediaMap> {
  if (!bytes || bytes.length === 0) return { ok: true, value: new Map() };
  if (isZstd(bytes)) {
    const raw = unzstd(bytes, MAX_MAP_BYTES, 'the media list');
    if (!raw.ok) return raw;
    try {
      const entries = mediaEntries(raw.value);
      return {
        ok: true,
        value: new Map(entries.filter((e) => e.name !== '').map((e) => [e.name, e.zipName])),
      };
    } catch {
      return { ok: false, reason: 'has a damaged media list (not the protobuf Anki writes)' };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, reason: 'has a damaged media list (not valid JSON)' };
  }
  const parsed = legacyMap.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'has a damaged media list (expected names by number)' };
  return { ok: true, value: new Map(Object.entries(parsed.data).map(([zipName, name]) => [name, zipName])) };
}
