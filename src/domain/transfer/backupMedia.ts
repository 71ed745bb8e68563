/**
 * The media table (images and sounds of rich cards) in a backup file. Stored rows hold the file's bytes
 * (`Uint8Array`); JSON has no bytes, so in the file `bytes` is base64 text, moved to the end of the row so a large
 * file can be written in pieces (backupJsonTexts). Reading checks each row and turns the text back into bytes.
 * Older backups have no media table: it is optional like every table.
 */
import { z } from 'zod';
import type { Backup } from './backup';
import { base64ToBytes, bytesToBase64 } from './base64';
import { isMediaType, MAX_MEDIA_FILE_BYTES } from './mediaTypes';

export const MEDIA_TABLE = 'media';

/** A media row as read from a backup file: bytes given as base64 text, turned into bytes. */
export const mediaRowSchema = z.strictObject({
  deckId: z.string().min(1),
  name: z.string().min(1),
  type: z.string().refine(isMediaType, 'is not an image or sound type Cardinal stores'),
  bytes: z
    .string()
    // base64 makes 4 characters of 3 bytes.
    .max((Math.ceil(MAX_MEDIA_FILE_BYTES / 3) + 1) * 4, 'is larger than a media file may be')
    .transform((text, ctx) => {
      const bytes = base64ToBytes(text);
      if (bytes === undefined) {
        ctx.addIssue({ code: 'custom', message: 'is not base64 text (the bytes of the file)' });
        return z.NEVER;
      }
      return bytes;
    }),
});

/** A media row as stored (bytes as bytes): what Check database checks stored rows against. */
export const storedMediaRowSchema = z.strictObject({
  deckId: mediaRowSchema.shape.deckId,
  name: mediaRowSchema.shape.name,
  type: mediaRowSchema.shape.type,
  // ArrayBuffer.isView rather than instanceof: rows read from IndexedDB may come from another realm.
  bytes: z.custom<Uint8Array>(
    (value) => ArrayBuffer.isView(value) && (value as Uint8Array).BYTES_PER_ELEMENT === 1,
    'is not bytes',
  ),
});

/** Whether a stored row has bytes to be written as base64 (a media row; anything else is written as it is). */
function bytesOf(row: unknown): Uint8Array | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const bytes = (row as { bytes?: unknown }).bytes;
  // ArrayBuffer.isView rather than instanceof: rows read from IndexedDB may come from another realm.
  return ArrayBuffer.isView(bytes) && (bytes as Uint8Array).BYTES_PER_ELEMENT === 1
    ? (bytes as Uint8Array)
    : undefined;
}

/**
 * A stored media row as it is written to a backup file, in pieces: the JSON text before the bytes, the bytes to
 * encode, the text after. `undefined` for a row without bytes (written by JSON.stringify like any other).
 */
export function mediaRowParts(row: unknown): { head: string; bytes: Uint8Array; tail: string } | undefined {
  const bytes = bytesOf(row);
  if (!bytes) return undefined;
  const { bytes: _bytes, ...rest } = row as Record<string, unknown>;
  const fields = JSON.stringify(rest).slice(0, -1);
  return { head: `${fields}${fields === '{' ? '' : ','}"bytes":"`, bytes, tail: '"}' };
}

/** Bytes encoded per piece: a multiple of 3, so the pieces' base64 joins to the base64 of the whole. */
export const BASE64_PIECE_BYTES = 3 * 256 * 1024;

/** A stored row of `table` as it is in a backup file (the JSON value; media bytes as base64). */
export function backupRowJson(table: string, row: unknown): unknown {
  const parts = table === MEDIA_TABLE ? mediaRowParts(row) : undefined;
  if (!parts) return row;
  const { bytes: _bytes, ...rest } = row as Record<string, unknown>;
  return { ...rest, bytes: bytesToBase64(parts.bytes) };
}

/** The JSON value of a backup file, in one piece (backupJsonTexts writes the same text in pieces). */
export function backupJsonValue(backup: Backup): Backup {
  const tables = Object.fromEntries(
    Object.entries(backup.tables).map(([table, rows]) => [
      table,
      rows.map((row) => backupRowJson(table, row)),
    ]),
  );
  return { ...backup, tables };
}
