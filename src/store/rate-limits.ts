/**
 * The rate-limit counters (migration 009): one statement per hit, atomic under concurrency in
 * PGlite and in a PostgreSQL server alike. GCRA: each hit moves the key's arrival time `tat` on
 * by window/max; the hit is refused when that would put it more than one window ahead of now, so
 * a key gets `max` hits at once and then one every window/max. The conflict clause's WHERE is
 * re-checked on the latest row under its lock, so concurrent hits cannot overshoot.
 *
 * A counter lost in a crash costs nothing, while waiting for the disk would cost every hit an
 * fsync (decision 017): the statement sets synchronous_commit off for its own transaction
 * (`set_config(…, true)`, read at commit), so it commits without waiting; the next synchronous
 * commit or checkpoint takes it to the disk. One round trip still.
 *
 * The same statement deletes a few rows whose time has passed (equal to no row): the table is
 * kept small by its own traffic, with no timer. SKIP LOCKED keeps that from ever waiting.
 */
import type { RateLimitHit } from '../app/ports.ts';
import type { Sql } from './sql.ts';

const HIT = `
WITH durability AS (SELECT set_config('synchronous_commit', 'off', true) AS value),
stale AS (
  DELETE FROM rate_limits WHERE key IN (
    SELECT key FROM rate_limits WHERE tat < $2::bigint AND key <> $1 ORDER BY tat LIMIT 8 FOR UPDATE SKIP LOCKED
  )
),
hit AS (
  INSERT INTO rate_limits AS r (key, tat) VALUES ($1, $2::bigint + $3::bigint)
  ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat, $2::bigint) + $3::bigint
  WHERE GREATEST(r.tat, $2::bigint) + $3::bigint - $2::bigint <= $4::bigint
  RETURNING tat
)
SELECT (SELECT tat FROM hit) AS granted, (SELECT tat FROM rate_limits WHERE key = $1) AS held,
  (SELECT value FROM durability) AS durability`;

export async function hitRateLimit(
  sql: Sql,
  key: string,
  max: number,
  windowMs: number,
  now: number,
): Promise<RateLimitHit> {
  const step = Math.max(1, Math.ceil(windowMs / max));
  const [row] = await sql.query(HIT, [key, Math.floor(now), step, windowMs]);
  if (row && row.granted !== null) return { allowed: true };
  // Refused: the next hit fits once now + step <= held + window… i.e. at held + step - window.
  const held = Number(row?.held ?? now);
  return { allowed: false, retryAfterMs: Math.max(1, held + step - windowMs - now) };
}
