/**
 * The embedded driver's prepared statements (pglite.ts run): a statement is described once, and
 * its later answers are read with the kept description; a statement whose result changed shape
 * (a migration) fails once, as PostgreSQL refuses to run it as prepared, and is then prepared and
 * described again.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromMemoryTemplate } from '../../test/support/templates.ts';
import { openPglite } from './pglite.ts';
import { type Database, NO_DISK_WAIT } from './sql.ts';

let db: Database;
const described: number[] = [];
/** The simple-query texts sent (BEGIN, COMMIT, SET …), in order. */
const sentTexts: string[] = [];

beforeAll(async () => {
  // Counts the rows' descriptions PostgreSQL sends back (one per Describe).
  const execProtocol = PGlite.prototype.execProtocol;
  vi.spyOn(PGlite.prototype, 'execProtocol').mockImplementation(async function (this: PGlite, ...args) {
    // A simple Query message: 'Q', a 4-byte length, the text, NUL.
    const message = args[0] as Uint8Array;
    if (message[0] === 0x51) sentTexts.push(Buffer.from(message.subarray(5, message.indexOf(0, 5))).toString('utf8'));
    const r = await execProtocol.apply(this, args);
    described.push(r.messages.filter((m) => m.name === 'rowDescription').length);
    return r;
  });
  db = await openPglite(undefined, fromMemoryTemplate()); // a migrated data directory: no initdb
  await db.exec('CREATE TABLE shapes (id int PRIMARY KEY, name text)');
  await db.query("INSERT INTO shapes VALUES (1, 'one'), (2, 'two')");
});

afterAll(async () => {
  vi.restoreAllMocks();
  await db.close();
});

describe('PGlite statements', () => {
  it('describes a statement once and reads every later answer with its description', async () => {
    const text = 'SELECT id, name, id * 2 AS twice, now() IS NOT NULL AS "isNow" FROM shapes WHERE id = $1';
    described.length = 0;
    for (const id of [1, 2, 1]) {
      expect(await db.query(text, [id])).toEqual([{ id, name: id === 1 ? 'one' : 'two', twice: 2 * id, isNow: true }]);
    }
    expect(described).toEqual([1, 0, 0]);
    // A statement without rows, and one whose answer is empty, read alike.
    expect(await db.query("UPDATE shapes SET name = 'uno' WHERE id = $1", [1])).toEqual([]);
    expect(await db.query("UPDATE shapes SET name = 'uno' WHERE id = $1", [1])).toEqual([]);
    expect(await db.query(text, [3])).toEqual([]);
  });

  it('prepares and describes a statement again after its result changed shape', async () => {
    const text = 'SELECT * FROM shapes WHERE id = $1';
    expect(await db.query(text, [2])).toEqual([{ id: 2, name: 'two' }]);
    await db.exec("ALTER TABLE shapes ADD COLUMN colour text NOT NULL DEFAULT 'red'");
    await expect(db.query(text, [2])).rejects.toThrow(/cached plan must not change result type/);
    expect(await db.query(text, [2])).toEqual([{ id: 2, name: 'two', colour: 'red' }]);
    expect(await db.query(text, [2])).toEqual([{ id: 2, name: 'two', colour: 'red' }]);
  });

  it('wraps a statement that waits for a transaction in SET synchronous_commit only when it writes on its own terms', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    sentTexts.length = 0;
    const first = db.transaction(async (tx) => {
      await held;
      await tx.query('INSERT INTO shapes (id, name) VALUES ($1, $2)', [10, 'ten']);
    });
    const behind = [
      db.query('SELECT count(*)::int AS n FROM shapes'),
      db.query(
        `WITH ${NO_DISK_WAIT}
         UPDATE shapes SET name = 'eleven' WHERE id = 11 AND (SELECT value FROM durability) IS NOT NULL`,
      ),
      db.query('INSERT INTO shapes (id, name) VALUES ($1, $2)', [12, 'twelve']),
      db.transaction((tx) => tx.query('INSERT INTO shapes (id, name) VALUES ($1, $2)', [13, 'thirteen'])),
    ];
    release();
    await Promise.all([first, ...behind]);
    // Only the plain INSERT, which would otherwise wait for the disk inside the group, is wrapped.
    expect(sentTexts.filter((t) => t.startsWith('SET synchronous_commit'))).toEqual([
      'SET synchronous_commit TO off',
      'SET synchronous_commit TO on',
    ]);
    expect(await db.query("SELECT current_setting('synchronous_commit') AS v")).toEqual([{ v: 'on' }]);
    expect(await db.query('SELECT id FROM shapes WHERE id >= 10 ORDER BY id')).toEqual([
      { id: 10 },
      { id: 12 },
      { id: 13 },
    ]);
  });
});
