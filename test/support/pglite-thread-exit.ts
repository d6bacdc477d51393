/**
 * The child of src/store/pglite-thread.test.ts: opens PGlite on a worker thread and sends one
 * statement whose answer nothing else waits for (no timer, no socket), then never closes the
 * database. The answer must arrive (the worker holds the process open meanwhile) and the process
 * must then end by itself (an idle worker does not hold it).
 */
import { openPgliteThread } from '../../src/store/pglite-thread.ts';

const db = await openPgliteThread();
void db.query<{ n: number }>('SELECT 42 AS n FROM pg_sleep(0.2)').then((rows) => {
  process.stdout.write(`answered ${rows[0]?.n}\n`);
});
