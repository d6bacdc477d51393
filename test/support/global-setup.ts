/**
 * Vitest's global set-up (vitest.config.ts): makes the migrated database templates of
 * test/support/templates.ts once, with the product's own openDatabase, and hands their paths to
 * the test files. They are kept under node_modules/.cache, named by a hash of everything that
 * shapes them (the migrations, the PGlite driver and its version), so a run reuses them until one
 * of those changes; older ones are removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/store/open-database.ts';
import type { Templates } from './templates.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'slotwise-test-templates');
const SHAPING = [
  'src/store/migrations',
  'src/store/migrate.ts',
  'src/store/open-database.ts',
  'src/store/pglite.ts',
  'node_modules/@electric-sql/pglite/package.json',
];

function shapeHash(): string {
  const hash = createHash('sha256');
  for (const path of SHAPING) {
    const full = join(ROOT, path);
    const files =
      path.endsWith('.ts') || path.endsWith('.json')
        ? [full]
        : readdirSync(full)
            .sort()
            .map((f) => join(full, f));
    for (const file of files) hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function build(dir: string): Promise<void> {
  const memory = await openDatabase({ kind: 'memory' });
  try {
    const dump = await memory.db.snapshot?.();
    if (!dump) throw new Error('the in-memory PGlite has no snapshot()');
    writeFileSync(join(dir, 'memory.tar'), gunzipSync(Buffer.from(await dump.arrayBuffer())));
  } finally {
    await memory.close();
  }
  const onDisk = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'data') });
  await onDisk.close();
}

export async function setup(project: TestProject): Promise<void> {
  const key = shapeHash();
  const dir = join(CACHE, key);
  const templates: Templates = { memoryTar: join(dir, 'memory.tar'), dataDirPg: join(dir, 'data', 'pg') };
  if (!existsSync(join(dir, 'ready'))) {
    mkdirSync(CACHE, { recursive: true });
    for (const old of readdirSync(CACHE)) {
      if (old !== key && !old.includes('.tmp-')) rmSync(join(CACHE, old), { recursive: true, force: true });
    }
    // Built aside and renamed into place: a run that starts meanwhile never sees half a template.
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    try {
      await build(tmp);
      writeFileSync(join(tmp, 'ready'), `${new Date().toISOString()}\n`);
      renameSync(tmp, dir);
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      // Another run renamed its template into place first: use that one.
      if (!existsSync(join(dir, 'ready'))) throw error;
    }
  }
  project.provide('slotwiseTemplates', templates);
}
