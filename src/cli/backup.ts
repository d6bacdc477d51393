/**
 * `slotwise backup <file>` and `slotwise restore <file>` for the embedded database
 * (docs/decisions/022, docs/DEPLOY.md "Backups"). A backup is a consistent copy of the data
 * directory's database, made by PGlite while nothing writes; it does not hold the data directory's
 * `secret`, which is the key to keep apart from it. A restore fills a data directory that holds no
 * database yet, then applies pending migrations. A PostgreSQL server is backed up with pg_dump.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openRuntime } from '../main.ts';
import { RestoreRefusedError, restoreDataDir } from '../store/backup.ts';
import { DataDirBusyError } from '../store/data-dir-lock.ts';
import { openDatabase } from '../store/open-database.ts';
import type { Io } from './io.ts';
import { configOrExit } from './main.ts';

const SERVER_MODE =
  'DATABASE_URL names a PostgreSQL server: back it up with pg_dump and restore with pg_restore (docs/DEPLOY.md, "Backups").';

function oneFile(name: string, positionals: string[], io: Io): string | null {
  const [file, ...extra] = positionals;
  if (file && extra.length === 0) return file;
  io.err(`slotwise ${name}: give exactly one file, e.g. "slotwise ${name} slotwise-backup.tar.gz".`);
  return null;
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export async function backupCommand(args: { positionals: string[] }, io: Io): Promise<number> {
  const file = oneFile('backup', args.positionals, io);
  if (!file) return 2;
  const config = configOrExit(io, 'backup');
  if (!config) return 1;
  if (config.databaseUrl) {
    io.err(`slotwise backup: ${SERVER_MODE}`);
    return 1;
  }
  let rt: Awaited<ReturnType<typeof openRuntime>>;
  try {
    rt = await openRuntime(config);
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    io.err(
      `slotwise backup: the server (pid ${error.pid}) holds ${config.dataDir}: download the same backup from it with GET /api/v1/admin/backup (an admin API key), or stop it first.`,
    );
    return 1;
  }
  try {
    const snapshot = await rt.database.db.snapshot?.();
    if (!snapshot) throw new Error('the embedded database gave no snapshot');
    const bytes = new Uint8Array(await snapshot.arrayBuffer());
    // Written aside, then renamed: a failed run never leaves a half backup under the name.
    const partial = `${file}.partial`;
    try {
      await writeFile(partial, bytes, { mode: 0o600 });
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      io.err(
        `slotwise backup: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
      return 1;
    }
    io.out(`Backed up ${config.dataDir} to ${file} (${megabytes(bytes.length)}).`);
    io.out(
      config.secret
        ? 'The backup does not hold SLOTWISE_SECRET: keep it in your secret store, apart from the backups.'
        : `The backup does not hold the secret: keep a copy of ${join(config.dataDir, 'secret')} apart from the backups (restore it beside them).`,
    );
    return 0;
  } finally {
    await rt.close();
  }
}

export async function restoreCommand(args: { positionals: string[] }, io: Io): Promise<number> {
  const file = oneFile('restore', args.positionals, io);
  if (!file) return 2;
  const config = configOrExit(io, 'restore');
  if (!config) return 1;
  if (config.databaseUrl) {
    io.err(`slotwise restore: ${SERVER_MODE}`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`slotwise restore: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
    return 1;
  }
  try {
    await restoreDataDir(config.dataDir, bytes);
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    io.err(
      `slotwise restore: nothing was restored: ${error.message.startsWith(config.dataDir) ? error.message : `${file}: ${error.message}`}.`,
    );
    return 1;
  }
  // A backup of an older version is brought up to this one, as every command does.
  const opened = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  const applied = opened.migrationsApplied;
  await opened.close();
  io.out(
    `Restored ${file} into ${config.dataDir}${applied.length ? ` and applied ${applied.length} migration(s)` : ''}. Start it with "slotwise serve".`,
  );
  if (!config.secret && !existsSync(join(config.dataDir, 'secret'))) {
    io.out(
      `No secret is there yet: copy the old data directory's "secret" file to ${join(config.dataDir, 'secret')} before starting, or set SLOTWISE_SECRET. ` +
        'Without it a new one is made: codes emailed before the backup and booking retries of its last day stop working.',
    );
  }
  return 0;
}
