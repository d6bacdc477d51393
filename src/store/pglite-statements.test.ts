/**
 * The embedded driver's prepared statements (pglite.ts run): a statement is described once, and
 * its later answers are read with the kept description; a statement whose result changed shape
 * (a migration) fails once, as PostgreSQL refuses to run it as prepared, and is then prepared and
 * described again.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPglite } from './pglite.ts';
import type { Database } from './sql.ts';

let db: Database;
const described: number[] = [];

beforeAll(async () => {
  // Counts the rows' descriptions PostgreSQL sends back (one per Describe).
  const execProtocol = PGlite.prototype.execProtocol;
  vi.spyOn(PGlite.prototype, 'execProtocol').mockImplementation(async function (this: PGlite, ...args) {
    const r = await execProtocol.apply(this, args);
    described.push(r.messages.filter((m) => m.name === 'rowDescription').length);
    return r;
  });
  db = await openPglite();
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
});
