/**
 * The rate-limit counters (migration 009): one statement per request, whatever the number of
 * keys it hits (a booking hits its address's and its email's: one round trip, decision 043),
 * atomic under concurrency in PGlite and in a PostgreSQL server alike. GCRA: each hit moves the
 * key's arrival time `tat` on by window/max; the hit is refused when that would put it more than
 * one window ahead of now, so a key gets `max` hits at once and then one every window/max. The
 * conflict clause's WHERE is re-checked on the latest row under its lock, so concurrent hits
 * cannot overshoot. Keys are hit in sorted order, so two statements sharing keys lock them alike.
 *
 * A counter lost in a crash costs nothing, while waiting for the disk would cost every hit an
 * fsync (decision 017): the statement sets synchronous_commit off for its own transaction
 * (`set_config(…, true)`, read at commit), so it commits without waiting; the next synchronous
 * commit or checkpoint takes it to the disk. One statement, so one commit: two hits sent apart
 * would cost a booking on PGlite a second fsync (decision 040, "Why not 3").
 *
 * The same statement deletes a few rows whose time has passed (equal to no row): the table is
 * kept small by its own traffic, with no timer. SKIP LOCKED keeps that from ever waiting.
 */
import type { RateLimitAsk, RateLimitHit } from '../app/ports.ts';
import type { Sql } from './sql.ts';

// $1 keys (sorted, distinct), $2 now, $3 steps, $4 windows. The window travels in the row's
// proposed `tat` (now + step) and in `want`, read back by key in the conflict clause.
const HIT = `
WITH durability AS (SELECT set_config('synchronous_commit', 'off', true) AS value),
want AS (SELECT * FROM unnest($1::text[], $3::bigint[], $4::bigint[]) AS w(key, step, win)),
stale AS (
  DELETE FROM rate_limits WHERE key IN (
    SELECT key FROM rate_limits WHERE tat < $2::bigint AND key <> ALL($1::text[])
    ORDER BY tat LIMIT 8 FOR UPDATE SKIP LOCKED
  )
),
hit AS (
  INSERT INTO rate_limits AS r (key, tat) SELECT w.key, $2::bigint + w.step FROM want w ORDER BY w.key
  ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat, $2::bigint) + (EXCLUDED.tat - $2::bigint)
  WHERE GREATEST(r.tat, $2::bigint) + (EXCLUDED.tat - $2::bigint) - $2::bigint
    <= (SELECT w.win FROM want w WHERE w.key = r.key)
  RETURNING key, tat
)
SELECT w.key, (SELECT tat FROM hit WHERE hit.key = w.key) AS granted,
  (SELECT tat FROM rate_limits l WHERE l.key = w.key) AS held, (SELECT value FROM durability) AS durability
FROM want w`;

/** Counts one hit on each key (distinct keys) in one statement; the answers in the order asked. */
export async function hitRateLimits(sql: Sql, asks: readonly RateLimitAsk[], now: number): Promise<RateLimitHit[]> {
  if (asks.length === 0) return [];
  if (new Set(asks.map((a) => a.key)).size !== asks.length) throw new Error('hitRateLimits: a key asked twice');
  const sorted = [...asks].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const step = (a: RateLimitAsk) => Math.max(1, Math.ceil(a.windowMs / a.max));
  const t = Math.floor(now);
  const rows = await sql.query(HIT, [sorted.map((a) => a.key), t, sorted.map(step), sorted.map((a) => a.windowMs)]);
  const byKey = new Map(rows.map((r) => [String(r.key), r]));
  return asks.map((a) => {
    const row = byKey.get(a.key);
    if (row && row.granted !== null) return { allowed: true };
    // Refused: the next hit fits once now + step <= held + window… i.e. at held + step - window.
    const held = Number(row?.held ?? now);
    return { allowed: false, retryAfterMs: Math.max(1, held + step(a) - a.windowMs - now) };
  });
}

/** One key: the statement above with one row. */
export async function hitRateLimit(
  sql: Sql,
  key: string,
  max: number,
  windowMs: number,
  now: number,
): Promise<RateLimitHit> {
  const [hit] = await hitRateLimits(sql, [{ key, max, windowMs }], now);
  return hit as RateLimitHit;
}
