/**
 * What Browse shows: a search, filters and a sort, kept in the page address (`/browse?deck=…&q=…`) so a search
 * can be bookmarked and the back button works. Unknown or malformed parameters are ignored, never an error.
 */
import { z } from 'zod';

export const STATES = ['new', 'learning', 'review', 'relearning', 'suspended', 'buried'] as const;
export type StateFilter = (typeof STATES)[number];

export const COLUMNS = [
  'question',
  'answer',
  'deck',
  'section',
  'kind',
  'state',
  'due',
  'interval',
  'stability',
  'difficulty',
  'retrievability',
  'lapses',
  'reviews',
  'lastReview',
  'added',
  'flag',
  'marked',
  'tags',
] as const;
export type Column = (typeof COLUMNS)[number];

const count = z.coerce.number().int().min(0).max(100_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const filtersSchema = z.object({
  q: z.string().max(200).optional(),
  deck: z.string().min(1).max(80).optional(),
  section: z.string().min(1).max(80).optional(),
  tag: z.string().min(1).max(80).optional(),
  kind: z.enum(['basic', 'cloze', 'mcq', 'truefalse']).optional(),
  state: z.enum(STATES).optional(),
  /** 1–4 one flag, "any" any flag. */
  flag: z.enum(['1', '2', '3', '4', 'any']).optional(),
  marked: z.literal('1').optional(),
  leech: z.literal('1').optional(),
  dueBefore: day.optional(),
  dueAfter: day.optional(),
  /** Retrievability now below this many percent. */
  rBelow: z.coerce.number().min(0).max(100).optional(),
  lapses: count.optional(),
  reviewedDays: count.optional(),
  /** Cards added in the last n days (the card's addedAt). */
  addedDays: count.optional(),
  sort: z.enum(COLUMNS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});

export type BrowseFilters = z.infer<typeof filtersSchema>;
export type FilterKey = keyof BrowseFilters;

/** Reads filters from the address, dropping any parameter that does not parse. */
export function filtersFromParams(params: URLSearchParams): BrowseFilters {
  const filters: Record<string, unknown> = {};
  for (const key of Object.keys(filtersSchema.shape) as FilterKey[]) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = filtersSchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as BrowseFilters;
}

export function paramsFromFilters(filters: BrowseFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(filtersSchema.shape) as FilterKey[]) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** Local midnight of a YYYY-MM-DD day, as epoch ms. */
export function dayStartOf(isoDay: string): number {
  const [y = 0, m = 1, d = 1] = isoDay.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}
