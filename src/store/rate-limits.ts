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
import { NO_DISK_WAIT, type Sql } from './sql.ts';

/**
 * The statement for `n` keys: $1 is now, then each key's ($k, its step, its window). Each key has
 * its own `hit` CTE, the single-key GCRA statement as it was (an unnest over the keys with the
 * window read back per row cost a hit about 5× as much on PGlite); the texts for 1 and 2 keys are
 * all a server ever prepares.
 */
function hitStatement(n: number): string {
  const keys = Array.from({ length: n }, (_, i) => ({
    key: `$${3 * i + 2}`,
    step: `$${3 * i + 3}`,
    win: `$${3 * i + 4}`,
  }));
  const hits = keys.map(
    ({ key, step, win }, i) => `hit${i} AS (
  INSERT INTO rate_limits AS r (key, tat) VALUES (${key}, $1::bigint + ${step}::bigint)
  ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat, $1::bigint) + ${step}::bigint
  WHERE GREATEST(r.tat, $1::bigint) + ${step}::bigint - $1::bigint <= ${win}::bigint
  RETURNING tat
)`,
  );
  const answers = keys.map(
    ({ key }, i) =>
      `(SELECT tat FROM hit${i}) AS granted${i}, (SELECT tat FROM rate_limits WHERE key = ${key}) AS held${i}`,
  );
  return `
WITH ${NO_DISK_WAIT},
stale AS (
  DELETE FROM rate_limits WHERE key IN (
    SELECT key FROM rate_limits WHERE tat < $1::bigint AND key NOT IN (${keys.map((k) => k.key).join(', ')})
    ORDER BY tat LIMIT 8 FOR UPDATE SKIP LOCKED
  )
),
${hits.join(',\n')}
SELECT ${answers.join(', ')}, (SELECT value FROM durability) AS durability`;
}

const statements: string[] = [];
const statementFor = (n: number) => {
  statements[n] ??= hitStatement(n);
  return statements[n];
};

/** Counts one hit on each key (distinct keys) in one statement; the answers in the order asked. */
export async function hitRateLimits(sql: Sql, asks: readonly RateLimitAsk[], now: number): Promise<RateLimitHit[]> {
  if (asks.length === 0) return [];
  if (new Set(asks.map((a) => a.key)).size !== asks.length) throw new Error('hitRateLimits: a key asked twice');
  const sorted = [...asks].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const step = (a: RateLimitAsk) => Math.max(1, Math.ceil(a.windowMs / a.max));
  const t = Math.floor(now);
  const [row] = await sql.query(statementFor(sorted.length), [
    t,
    ...sorted.flatMap((a) => [a.key, step(a), a.windowMs]),
  ]);
  return asks.map((a) => {
    const i = sorted.indexOf(a);
    if (row && row[`granted${i}`] !== null) return { allowed: true };
    // Refused: the next hit fits once now + step <= held + window… i.e. at held + step - window.
    const held = Number(row?.[`held${i}`] ?? now);
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
