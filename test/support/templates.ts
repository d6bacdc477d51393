/**
 * Migrated, empty databases made once per run (test/support/global-setup.ts) and copied wherever a
 * test needs a database whose creation it does not watch. Creating one runs initdb inside
 * WebAssembly: ~2 s in memory, 4–5 s in a data directory (every file fsynced), where a copy of the
 * template takes ~0.4 s. The copy is what the product's own first start leaves behind (same code,
 * same migrations), so the product starts on it as it would on its second start. Tests of the
 * first start itself (initdb, "Applied N migrations") keep empty directories.
 *
 * Outside a Vitest run that made them (a script importing these helpers), there is no template:
 * databases are then created from scratch, as before.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface Templates {
  /** A plain tar of a migrated in-memory PGlite (dumpDataDir), for `{ kind: 'memory', from }`. */
  readonly memoryTar: string;
  /** A data directory's `pg` folder after the product's first start (migrated, closed). */
  readonly dataDirPg: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    slotwiseTemplates: Templates | null;
  }
}

function templates(): Templates | null {
  try {
    return inject('slotwiseTemplates') ?? null;
  } catch {
    return null; // not inside a Vitest worker
  }
}

let memoryTar: Blob | null | undefined;

/** The migrated in-memory database to start from; undefined when there is no template (initdb then). */
export function memoryTemplate(): Blob | undefined {
  if (memoryTar === undefined) {
    const file = templates()?.memoryTar;
    memoryTar = file && existsSync(file) ? new Blob([readFileSync(file)], { type: 'application/x-tar' }) : null;
  }
  return memoryTar ?? undefined;
}

/** openPglite's options to start from the migrated template, when there is one (else initdb). */
export function fromMemoryTemplate(): { loadDataDir?: Blob } {
  const template = memoryTemplate();
  return template ? { loadDataDir: template } : {};
}

/**
 * Fills the data directory `dataDir` (which must not hold a database yet) with the migrated
 * template, as the product's first start would leave it; without a template, leaves it for the
 * product to create. Returns `dataDir`.
 */
export function seedDataDir(dataDir: string): string {
  const from = templates()?.dataDirPg;
  mkdirSync(dataDir, { recursive: true });
  if (from && existsSync(from))
    cpSync(from, join(dataDir, 'pg'), { recursive: true, errorOnExist: true, force: false });
  return dataDir;
}
