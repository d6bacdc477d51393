/**
 * Whether this process can serve (GET /readyz): the database answers within a few seconds and
 * every migration this version ships is applied. A database ahead of this version (a newer one
 * migrated it during a rolling upgrade) still counts as ready: migrations only add.
 */
import { pendingMigrations } from './migrate.ts';
import type { Sql } from './sql.ts';

export type Readiness = { ok: true } | { ok: false; reason: string };

const TIMEOUT_MS = 5000;

/** Never rejects; the reason names no host or credential (the probe is public). */
export async function checkReadiness(db: Sql, timeoutMs = TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `the database did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const check = async (): Promise<Readiness> => {
    try {
      await db.query('SELECT 1');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { ok: false, reason: `the database did not answer${typeof code === 'string' ? ` (${code})` : ''}` };
    }
    const pending = await pendingMigrations(db);
    return pending.length === 0 ? { ok: true } : { ok: false, reason: `migrations pending: ${pending.join(', ')}` };
  };
  try {
    return await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
