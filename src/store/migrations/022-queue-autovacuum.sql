-- The job queue and the rate-limit counters are rewritten all day: a job is updated when claimed
-- and when done, a counter on every hit. PostgreSQL's default autovacuum waits for dead rows to
-- reach a fifth of the table, which on a queue that keeps its done jobs means thousands of dead
-- entries that every claim steps over (docs/decisions/049). These two are vacuumed after a few
-- hundred dead rows, whatever their size. A PostgreSQL server's autovacuum reads these settings;
-- the embedded database's driver applies the same rule itself (store/pglite-autovacuum.ts).
ALTER TABLE jobs SET (autovacuum_vacuum_threshold = 200, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE rate_limits SET (autovacuum_vacuum_threshold = 200, autovacuum_vacuum_scale_factor = 0);
