/**
 * Holds the layering of DEVELOPERS.md: imports flow domain ← db ← stores ← features ← app; ui is leaf-only;
 * domain reads no clock and imports no React, Dexie or zustand; only db/ imports Dexie; only domain/scheduler.ts
 * imports ts-fsrs; nothing reads ../shared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const source = readFileSync(join(root, file), 'utf8');
  return [
    ...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? m[2] ?? '');
}

/** The top-level src/ folder an import resolves to, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.'))
    return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
  const resolved = relative(join(root, 'src'), join(root, file, '..', spec));
  return resolved.startsWith('..') ? resolved : `src/${resolved.split('/')[0]}`;
}

const layers: Record<string, string[]> = {
  'src/domain': ['src/domain'],
  'src/db': ['src/domain', 'src/db'],
  'src/stores': ['src/domain', 'src/db', 'src/stores'],
  'src/features': ['src/domain', 'src/db', 'src/stores', 'src/features', 'src/ui'],
  'src/ui': ['src/ui'],
  'src/app': ['src/domain', 'src/db', 'src/stores', 'src/features', 'src/ui', 'src/app'],
};

const srcFiles = filesUnder('src');

describe('architecture', () => {
  it.each(Object.entries(layers))('%s imports only from allowed layers', (layer, allowed) => {
    const offending = srcFiles
      .filter((f) => f.startsWith(`${layer}/`))
      .flatMap((f) => importsOf(f).map((spec) => ({ f, spec, to: target(f, spec) })))
      .filter(({ spec, to }) => spec.startsWith('.') && to.startsWith('src/') && !allowed.includes(to))
      .map(({ f, spec }) => `${f} imports ${spec}`);
    expect(offending).toEqual([]);
  });

  it('no feature imports another feature', () => {
    const offending = srcFiles
      .filter((f) => f.startsWith('src/features/'))
      .flatMap((f) => importsOf(f).map((spec) => ({ f, spec })))
      .filter(({ f, spec }) => {
        const own = f.split('/')[2];
        const resolved = relative(join(root, 'src/features'), join(root, f, '..', spec));
        return spec.startsWith('.') && !resolved.startsWith('..') && resolved.split('/')[0] !== own;
      })
      .map(({ f, spec }) => `${f} imports ${spec}`);
    expect(offending).toEqual([]);
  });

  it('domain code is pure: no React, Dexie, zustand, DOM storage or clock reads', () => {
    const offending = srcFiles
      .filter((f) => f.startsWith('src/domain/'))
      .flatMap((f) => {
        const source = readFileSync(join(root, f), 'utf8');
        const bad = importsOf(f).filter((s) =>
          /^(react|react-dom|react-router|dexie|dexie-react-hooks|zustand)$/.test(target(f, s)),
        );
        if (/\bDate\.now\(|new Date\(\)|performance\.now\(|Math\.random\(/.test(source))
          bad.push('reads the clock or randomness');
        if (/\b(window|document|localStorage|indexedDB)\./.test(source)) bad.push('touches the DOM');
        return bad.map((b) => `${f}: ${b}`);
      });
    expect(offending).toEqual([]);
  });

  it.each([
    ['dexie', 'src/db/'],
    ['dexie-react-hooks', 'src/db/'],
    ['ts-fsrs', 'src/domain/scheduler'],
  ])('only %s owners import it', (pkg, owner) => {
    const importers = srcFiles.filter((f) => importsOf(f).some((s) => target(f, s) === pkg));
    expect(importers.filter((f) => !f.startsWith(owner))).toEqual([]);
  });

  it('nothing in the repo reads ../shared (a clone has no such folder)', () => {
    const files = [...srcFiles, ...filesUnder('tests'), 'vite.config.ts'];
    const offending = files.filter((f) =>
      /\.\.\/shared\b|\/work\/shared/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offending.filter((f) => f !== 'tests/architecture.test.ts')).toEqual([]);
  });
});
