/** Stable ids for imported rows, sections and tags, fitted to the deck schema's id and tag rules. */

import { cyrb53 } from '../hash';

const ID = /^[a-z0-9][a-z0-9.-]*$/;
const TAG = /^[a-z0-9][a-z0-9:-]*$/;

/** cyrb53: a fast 53-bit string hash; stable across runs, so a re-import derives the same ids. */
export function hash53(text: string): string {
  const { h1, h2 } = cyrb53(text);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function isCardinalId(value: string): boolean {
  return ID.test(value) && value.length <= 80;
}

/** A card id for a row without one: a hash of its front (trimmed, spaces collapsed), so re-imports match. */
export function idFromFront(front: string): string {
  return `c-${hash53(front.trim().replace(/\s+/g, ' '))}`;
}

/** An id column or Anki guid: kept when it already is a valid id, otherwise hashed (Anki guids are mixed case). */
export function idFromGuid(guid: string): string {
  const trimmed = guid.trim();
  return isCardinalId(trimmed) ? trimmed : `g-${hash53(trimmed)}`;
}

/** A readable id from a title: "SAN (Storage Area Network)" → "san-storage-area-network". */
export function slugId(title: string, fallback = 'section'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents go, their letters stay: "Café" → "cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? `${fallback}-${hash53(title)}` : slug;
}

/** Fits a tag from another app to Cardinal's tag rule ("Storage::SAN" → "storage:san"); null when nothing is left. */
export function normalizeTag(tag: string): string | null {
  const fitted = tag
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents go, their letters stay: "Café" → "cafe"
    .toLowerCase()
    .replace(/::/g, ':')
    .replace(/[^a-z0-9:-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 80);
  return TAG.test(fitted) ? fitted : null;
}

const SECTION_ID_MAX = 80;

/**
 * A section id for an Anki-style deck name ("Parent::Child"): each level slugged, joined with "."; when taken
 * or too long, cut short with a hash of the full name.
 * @example pathSectionId('Networking::VLANs & Trunks', new Set()) // 'networking.vlans-trunks'
 */
export function pathSectionId(path: string, taken: ReadonlySet<string>): string {
  const base = path
    .split('::')
    .map((level) => slugId(level, 'd'))
    .join('.');
  if (base.length <= SECTION_ID_MAX && !taken.has(base)) return base;
  const suffix = `-${hash53(path)}`;
  return `${base.slice(0, SECTION_ID_MAX - suffix.length)}${suffix}`;
}
