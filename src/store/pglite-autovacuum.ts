/**
 * PostgreSQL's autovacuum, for the embedded database (decision 049). PGlite runs PostgreSQL as a
 * single backend: no autovacuum launcher, and no idle loop that reports the tables' statistics.
 * Dead row versions were left until the daily clean-up's VACUUM (retention.ts), and the tables
 * rewritten all day paid for them on every statement. The job queue most: each job is updated
 * when claimed and when done, and every claim stepped over the dead entries of all the jobs before
 * it. After 1,200 bookings a claim cost 4–5 ms instead of 1, a completion twice as much, and a
 * booking with its emails 30 % more CPU than on a fresh queue (docs/PERFORMANCE.md).
 *
 * So the driver does what the launcher would, every `CHECK_EVERY_WRITES` statements that may have
 * written: it has the statistics flushed, asks `DUE_TABLES` which tables PostgreSQL's own rule
 * picks, and vacuums those (plain VACUUM: no lock that stops readers, nothing rewritten). The rule
 * reads each table's autovacuum storage parameters as a server's autovacuum does, so one setting
 * serves both databases: migration 022 sets them for the job queue and the rate-limit counters.
 * A check that finds nothing costs two statements; counting writes, not the clock, keeps it off
 * an idle database and out of short tests.
 */

/** Statements that may write between two checks (a booking with its emails is about ten). */
export const CHECK_EVERY_WRITES = 500;

/** A statement that cannot have written: a check counts the others. */
export const readsOnly = (text: string) => /^\s*(SELECT|SHOW|BEGIN|COMMIT|ROLLBACK)\b/i.test(text);

/**
 * The statement that makes the pending statistics visible: PostgreSQL reports them when its
 * backend goes idle, which PGlite's never does; forced, they are reported at the end of this
 * statement's transaction.
 */
export const FLUSH_STATISTICS = 'SELECT pg_stat_force_next_flush()';

/** A table's autovacuum storage parameter, or the server's setting of the same name. */
const setting = (name: string) =>
  `coalesce(max(split_part(o, '=', 2)) FILTER (WHERE o LIKE '${name}=%'), current_setting('${name}'))`;

/**
 * The tables autovacuum would vacuum now, quoted for a VACUUM statement (PostgreSQL's rule,
 * autovacuum.c relation_needs_vacanalyze): dead rows above threshold + scale factor × rows, or rows
 * inserted since the last vacuum above the insert threshold + its scale factor × rows (an insert
 * threshold of -1 turns that off); never a table with autovacuum_enabled off.
 */
export const DUE_TABLES = `
SELECT format('%I.%I', s.schemaname, s.relname) AS name
FROM pg_stat_user_tables s
JOIN pg_class c ON c.oid = s.relid
CROSS JOIN LATERAL (
  SELECT ${setting('autovacuum_vacuum_threshold')}::float8 AS dead_base,
         ${setting('autovacuum_vacuum_scale_factor')}::float8 AS dead_scale,
         ${setting('autovacuum_vacuum_insert_threshold')}::float8 AS insert_base,
         ${setting('autovacuum_vacuum_insert_scale_factor')}::float8 AS insert_scale,
         coalesce(max(split_part(o, '=', 2)) FILTER (WHERE o LIKE 'autovacuum_enabled=%'), 'on')::boolean AS enabled
  FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o
) p
WHERE p.enabled AND (
  s.n_dead_tup > p.dead_base + p.dead_scale * greatest(c.reltuples, 0)
  OR (p.insert_base >= 0 AND s.n_ins_since_vacuum > p.insert_base + p.insert_scale * greatest(c.reltuples, 0))
)
ORDER BY s.relname`;

export interface Autovacuum {
  /** A statement ran; true when it is time to check (the count starts again). */
  wrote(text: string): boolean;
}

export function createAutovacuum(every: number = CHECK_EVERY_WRITES): Autovacuum {
  let writes = 0;
  return {
    wrote(text) {
      if (every <= 0 || readsOnly(text)) return false;
      writes++;
      if (writes < every) return false;
      writes = 0;
      return true;
    },
  };
}
