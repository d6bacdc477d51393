/** checkReadiness: the database answers and every bundled migration is applied; else a reason. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { checkReadiness } from './readiness.ts';
import type { Sql } from './sql.ts';

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});

it('ready on a migrated database', async () => {
  expect(await checkReadiness(tdb.db)).toEqual({ ok: true });
});

it('not ready while a bundled migration is missing, naming it; ready again once applied', async () => {
  await tdb.db.query('DELETE FROM schema_migrations WHERE version = 5');
  expect(await checkReadiness(tdb.db)).toEqual({ ok: false, reason: 'migrations pending: 005-job-done-by.sql' });
  await tdb.db.query("INSERT INTO schema_migrations (version, name) VALUES (5, '005-job-done-by.sql')");
  expect(await checkReadiness(tdb.db)).toEqual({ ok: true });
});

it('ready when the database is ahead of this version (a newer process migrated it)', async () => {
  await tdb.db.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999-future.sql')");
  expect(await checkReadiness(tdb.db)).toEqual({ ok: true });
  await tdb.db.query('DELETE FROM schema_migrations WHERE version = 999');
});

it('not ready when the database fails or does not answer in time, with its error code only', async () => {
  const failing = {
    query: () =>
      Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })),
  } as unknown as Sql;
  expect(await checkReadiness(failing)).toEqual({ ok: false, reason: 'the database did not answer (ECONNREFUSED)' });
  const hanging = { query: () => new Promise(() => {}) } as unknown as Sql;
  expect(await checkReadiness(hanging, 20)).toEqual({ ok: false, reason: 'the database did not answer within 20 ms' });
});
