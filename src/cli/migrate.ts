/** `slotwise migrate`: applies pending migrations and exits. */
import { openRuntime } from '../main.ts';
import type { Io } from './io.ts';
import { configOrExit } from './main.ts';

export async function migrateCommand(_args: unknown, io: Io): Promise<number> {
  const config = configOrExit(io, 'migrate');
  if (!config) return 1;
  const rt = await openRuntime(config);
  try {
    const applied = rt.database.migrationsApplied;
    io.out(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.',
    );
    return 0;
  } finally {
    await rt.close();
  }
}
