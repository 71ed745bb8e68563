/**
 * The few protobuf messages of Anki's newest package format (rslib's proto/anki/*.proto) that an import needs,
 * decoded with @bufbuild/protobuf's wire reader. Unknown fields are skipped, as protobuf requires.
 *
 * - Notetype.Config: `kind = 1` (0 normal, 1 cloze)
 * - Notetype.Template.Config: `q_format = 1`, `a_format = 2`
 * - MediaEntries (the package's `media` file): `repeated MediaEntry entries = 1`, where
 *   MediaEntry = { name = 1, size = 2, sha1 = 3, legacy_zip_filename = 255 }; entry i is stored in the zip as "i"
 * - PackageMetadata (the `meta` file): `version = 1` (1 legacy anki2, 2 legacy anki21, 3 latest)
 */
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** Reads a message's fields, calling `onField` for each; unknown fields are skipped by the caller returning false. */
function readFields(
  bytes: Uint8Array,
  onField: (field: number, type: WireType, reader: BinaryReader) => boolean,
) {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, type] = reader.tag();
    if (!onField(field, type, reader)) reader.skip(type, field);
  }
}

export function notetypeKind(config: Uint8Array): 'normal' | 'cloze' {
  let kind = 0;
  readFields(config, (field, type, r) => {
    if (field !== 1 || type !== WireType.Varint) return false;
    kind = r.int32();
    return true;
  });
  return kind === 1 ? 'cloze' : 'normal';
}

export function templateFormats(config: Uint8Array): { question: string; answer: string } {
  const out = { question: '', answer: '' };
  readFields(config, (field, type, r) => {
    if (type !== WireType.LengthDelimited || (field !== 1 && field !== 2)) return false;
    if (field === 1) out.question = r.string();
    else out.answer = r.string();
    return true;
  });
  return out;
}

export type MediaEntry = { name: string; size: number; zipName: string };

export function mediaEntries(bytes: Uint8Array): MediaEntry[] {
  const entries: MediaEntry[] = [];
  readFields(bytes, (field, type, r) => {
    if (field !== 1 || type !== WireType.LengthDelimited) return false;
    const index = entries.length;
    const entry: MediaEntry = { name: '', size: 0, zipName: String(index) };
    readFields(r.bytes(), (f, t, inner) => {
      if (f === 1 && t === WireType.LengthDelimited) entry.name = inner.string();
      else if (f === 2 && t === WireType.Varint) entry.size = inner.uint32();
      else if (f === 255 && t === WireType.Varint) entry.zipName = String(inner.uint32());
      else return false;
      return true;
    });
    entries.push(entry);
    return true;
  });
  return entries;
}

export function packageVersion(meta: Uint8Array): number {
  let version = 0;
  readFields(meta, (field, type, r) => {
    if (field !== 1 || type !== WireType.Varint) return false;
    version = r.int32();
    return true;
  });
  return version;
}
