/**
 * The child process of test/crash-safety/group-commit.test.ts: on the data directory given as its
 * argument, starts `TRANSACTIONS` inserts at once (so they wait for the one connection and commit as
 * groups), writes the id of each one as it is answered to stdout, and SIGKILLs itself the moment
 * `KILL_AFTER` have been answered — no later flush, checkpoint or shutdown can help them.
 */
import { writeSync } from 'node:fs';
import { openPglite } from '../../src/store/pglite.ts';

const TRANSACTIONS = 120;
const KILL_AFTER = 10;

const dir = process.argv[2];
if (!dir) throw new Error('usage: group-commit-crash.ts <pglite data dir>');
const db = await openPglite(dir);
await db.exec('CREATE TABLE IF NOT EXISTS answered (id int PRIMARY KEY, pad text)');
let answered = 0;
await Promise.all(
  Array.from({ length: TRANSACTIONS }, async (_, id) => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO answered (id, pad) VALUES ($1, $2)', [id, 'x'.repeat(200)]);
    });
    writeSync(1, `${id}\n`);
    if (++answered === KILL_AFTER) process.kill(process.pid, 'SIGKILL');
  }),
);
