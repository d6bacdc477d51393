/**
 * migrate(): numbered migrations applied in order, each exactly once, recorded in
 * schema_migrations; a failing one leaves no trace. Runs on a bare PGlite (no bundled schema).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundledMigrations, type Migration, migrate, pendingMigrations } from './migrate.ts';
import { openPglite } from './pglite.ts';
import type { Database } from './sql.ts';

const FIRST: Migration = {
  version: 1,
  name: '001-notes.sql',
  sql: `CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);
        INSERT INTO notes (id, body) VALUES (1, 'first');`,
};
// Depends on the first: applied out of order it would fail.
const SECOND: Migration = {
  version: 2,
  name: '002-notes-author.sql',
  sql: `ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT 'ana';
        INSERT INTO notes (id, body, author) VALUES (2, 'second', 'ben');`,
};
const THIRD: Migration = {
  version: 3,
  name: '003-tags.sql',
  sql: 'CREATE TABLE tags (name text PRIMARY KEY);',
};
const BROKEN: Migration = {
  version: 4,
  name: '004-broken.sql',
  sql: 'CREATE TABLE half_done (x integer); SELECT 1 / 0;',
};

describe('migrate', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.exec('DROP TABLE IF EXISTS schema_migrations, notes, tags, half_done');
  });

  const recorded = async () =>
    (await db.query('SELECT version, name FROM schema_migrations ORDER BY version')).map(
      (r) => `${Number(r.version)} ${String(r.name)}`,
    );
  const notes = () => db.query('SELECT id, body, author FROM notes ORDER BY id');

  it('applies pending migrations in order and returns their names', async () => {
    expect(await migrate(db, [FIRST, SECOND])).toEqual(['001-notes.sql', '002-notes-author.sql']);
    expect(await recorded()).toEqual(['1 001-notes.sql', '2 002-notes-author.sql']);
    expect(await notes()).toEqual([
      { id: 1, body: 'first', author: 'ana' },
      { id: 2, body: 'second', author: 'ben' },
    ]);
  });

  it('applies each migration once: a second run applies nothing and repeats no statement', async () => {
    await migrate(db, [FIRST, SECOND]);
    expect(await migrate(db, [FIRST, SECOND])).toEqual([]);
    expect(await recorded()).toEqual(['1 001-notes.sql', '2 002-notes-author.sql']);
    expect(await notes()).toEqual([
      { id: 1, body: 'first', author: 'ana' },
      { id: 2, body: 'second', author: 'ben' },
    ]);
  });

  it('a later version applies only the migrations added since', async () => {
    await migrate(db, [FIRST]);
    expect(await pendingMigrations(db, [FIRST, SECOND, THIRD])).toEqual(['002-notes-author.sql', '003-tags.sql']);
    expect(await migrate(db, [FIRST, SECOND, THIRD])).toEqual(['002-notes-author.sql', '003-tags.sql']);
    expect(await recorded()).toEqual(['1 001-notes.sql', '2 002-notes-author.sql', '3 003-tags.sql']);
    expect(await pendingMigrations(db, [FIRST, SECOND, THIRD])).toEqual([]);
  });

  it('pendingMigrations lists every migration of a database never migrated', async () => {
    expect(await pendingMigrations(db, [FIRST, SECOND])).toEqual(['001-notes.sql', '002-notes-author.sql']);
  });

  it('a failing migration throws, is not recorded and leaves none of its statements behind', async () => {
    await migrate(db, [FIRST, SECOND, THIRD]);
    await expect(migrate(db, [FIRST, SECOND, THIRD, BROKEN])).rejects.toMatchObject({ code: '22012' });
    expect(await recorded()).toEqual(['1 001-notes.sql', '2 002-notes-author.sql', '3 003-tags.sql']);
    expect(await db.query(`SELECT to_regclass('half_done') IS NULL AS gone`)).toEqual([{ gone: true }]);
  });

  it('bundles the numbered .sql files of migrations/ in version order, starting with 001-init.sql', () => {
    const bundled = bundledMigrations();
    expect(bundled.map((m) => `${m.version} ${m.name}`)[0]).toBe('1 001-init.sql');
    // Strictly increasing, each name's number its version. (Numbers are handed out to parallel pieces
    // of work, so a branch may miss one that another brings: 011 before 010 exists.)
    const versions = bundled.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(bundled.every((m) => m.name.startsWith(String(m.version).padStart(3, '0')))).toBe(true);
    expect(bundled[0]?.sql).toContain('CONSTRAINT bookings_no_overlap EXCLUDE USING gist');
  });
});
