/**
 * Images and sounds of rich cards, stored per deck by the file name cards use (`<img src="cat.jpg">`). Written
 * with the deck import, in its transaction; read by the review screen as blob: URLs, so cards show them
 * offline. A file imported again under the same name replaces the old one.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ImportedMedia } from '../domain/transfer/mediaTypes';
import type { CardinalDb, MediaRecord } from './database';
import { useDb } from './react';

/** Call inside the import's transaction (it must include db.media). */
export async function putDeckMedia(db: CardinalDb, deckId: string, media: readonly ImportedMedia[]) {
  if (media.length === 0) return;
  const rows: MediaRecord[] = media.map((m) => ({ deckId, name: m.name, type: m.type, bytes: m.bytes }));
  await db.media.bulkPut(rows);
}

/**
 * Object URLs for the named media of a deck: `undefined` while loading, then a lookup (undefined for a name the
 * deck does not have). URLs are revoked when the names change or the component goes.
 */
export function useMediaUrls(
  deckId: string,
  names: readonly string[],
): ((name: string) => string | undefined) | undefined {
  const db = useDb();
  const key = names.join('\u0000');
  const [urls, setUrls] = useState<{ key: string; map: Map<string, string> } | undefined>();
  useEffect(() => {
    const wanted = key === '' ? [] : key.split('\u0000');
    let current = true;
    const made: string[] = [];
    const load = async () => {
      const rows =
        wanted.length === 0 ? [] : await db.media.bulkGet(wanted.map((n) => [deckId, n] as [string, string]));
      if (!current) return;
      const map = new Map<string, string>();
      for (const row of rows) {
        if (!row) continue;
        map.set(row.name, urlOf(row, made));
      }
      setUrls({ key, map });
    };
    void load();
    return () => {
      current = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [db, deckId, key]);
  return useMemo(() => {
    // HTML without media shows at once, in the render its card arrives in.
    if (key === '') return NO_MEDIA;
    if (!urls || urls.key !== key) return undefined;
    const map = urls.map;
    return (name: string) => map.get(name);
  }, [urls, key]);
}

const NO_MEDIA = (_name: string): string | undefined => undefined;

/** A blob: URL (revoked later); where there is none (jsdom), a data: URL of the same bytes. */
function urlOf(row: MediaRecord, made: string[]): string {
  if (typeof URL.createObjectURL !== 'function') {
    let binary = '';
    for (const byte of row.bytes) binary += String.fromCharCode(byte);
    return `data:${row.type};base64,${btoa(binary)}`;
  }
  const url = URL.createObjectURL(new Blob([row.bytes as Uint8Array<ArrayBuffer>], { type: row.type }));
  made.push(url);
  return url;
}
