import type { z } from 'zod';
import type { CardinalDb } from './database';

/** Reads a setting through its schema; a missing or malformed value gives the fallback. */
export async function getSetting<S extends z.ZodType>(
  db: CardinalDb,
  key: string,
  schema: S,
  fallback: z.infer<S>,
): Promise<z.infer<S>> {
  const row = await db.settings.get(key);
  if (row === undefined) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

export async function putSetting(db: CardinalDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
