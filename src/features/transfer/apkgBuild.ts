/** Builds an Anki package from what the db read (writeApkg.ts), with sql.js loaded on demand. */
import type { ApkgExport } from '../../domain/transfer/anki/writeApkg';

export async function buildPackage(input: ApkgExport): Promise<Uint8Array> {
  const [{ buildApkg }, sql, wasm] = await Promise.all([
    import('../../domain/transfer/anki/writeApkg'),
    import('sql.js'),
    import('sql.js/dist/sql-wasm.wasm?url'),
  ]);
  return await buildApkg(await sql.default({ locateFile: () => wasm.default }), input);
}
