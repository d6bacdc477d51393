/**
 * Server mode's catalogue cache against a real PostgreSQL: reads are served from memory while the
 * listener hears changes, and a change committed by another connection (another process, psql)
 * drops them; a rolled-back change does not; a lost listener turns the cache off.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  POSTGRES_SKIP_REASON,
  startTestPostgres,
  type TestPostgres,
  testPostgresAvailable,
} from '../../test/support/postgres.ts';
import { STUDIO } from '../../test/support/studio.ts';
import { listenForCatalogChanges } from './catalog-listener.ts';
import { createStore } from './create-store.ts';
import { type OpenedDatabase, openDatabase } from './open-database.ts';
import { ReadCache } from './read-cache.ts';
import type { Sql } from './sql.ts';

/**
 * Waits (polling, never a fixed sleep) until `check` holds; fails after 20 s. A reconnect that
 * fails on a loaded machine retries after 0.5, 1, 2, 4 … s, so a few misses already pass 5 s.
 */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(!testPostgresAvailable())('server mode: the catalogue cache and LISTEN/NOTIFY', () => {
  let server: TestPostgres;
  let opened: OpenedDatabase;
  let other: pg.Client;
  const reads: string[] = [];
  const counting = (sql: Sql): Sql => ({
    query: (text, params) => {
      reads.push(text);
      return sql.query(text, params);
    },
    exec: (text) => sql.exec(text),
    transaction: (fn) => sql.transaction((tx) => fn(counting(tx))),
  });

  beforeAll(async () => {
    server = (await startTestPostgres()) as TestPostgres;
    opened = await openDatabase({ kind: 'postgres', url: server.url });
    await createStore(opened.db).applySetup(STUDIO, async (p) => p);
    other = new pg.Client({ connectionString: server.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await opened?.close();
    await server?.stop();
  });

  it('serves repeated reads from memory and drops them when another connection commits a change', async () => {
    const cache = new ReadCache({ busy: false, catalogLive: false });
    const listener = listenForCatalogChanges(server.url, cache);
    await listener.ready;
    try {
      const store = createStore(counting(opened.db), cache);
      reads.length = 0;
      expect((await store.findService('portrait'))?.name).toBe('Portrait session');
      expect((await store.findService('portrait'))?.name).toBe('Portrait session');
      expect(reads).toHaveLength(1);

      await other.query(`UPDATE services SET name = 'Portraits' WHERE slug = 'portrait'`);
      await eventually(async () => (await store.findService('portrait'))?.name === 'Portraits');

      // A rolled-back change notifies no one: the cached read stays.
      reads.length = 0;
      await other.query('BEGIN');
      await other.query(`UPDATE services SET name = 'Never' WHERE slug = 'portrait'`);
      await other.query('ROLLBACK');
      await new Promise((r) => setTimeout(r, 100));
      expect((await store.findService('portrait'))?.name).toBe('Portraits');
      expect(reads).toEqual([]);

      // Hours of a member (another table) drop the staff lists too.
      const ana = (await store.listStaff()).find((m) => m.key === 'ana');
      await other.query('DELETE FROM working_hours WHERE staff_id = $1 AND weekday = 1', [ana?.id]);
      await eventually(async () => {
        const now = (await store.listStaff()).find((m) => m.key === 'ana');
        return (now?.hours.mon ?? []).length === 0;
      });
    } finally {
      await listener.close();
    }
  });

  it('keeps nothing while the listener is down, and caches again once it is back', async () => {
    const cache = new ReadCache({ busy: false, catalogLive: false });
    // What the listener logs is shown when a wait times out (why a reconnect did not come back).
    const logged: string[] = [];
    const listener = listenForCatalogChanges(server.url, cache, (message, fields) =>
      logged.push(`${message} ${JSON.stringify(fields)}`),
    );
    await listener.ready;
    try {
      const store = createStore(counting(opened.db), cache);
      await store.getBusiness();
      const listening = await other.query(
        "SELECT pid FROM pg_stat_activity WHERE query ILIKE 'LISTEN slotwise_catalog%' AND pid <> pg_backend_pid()",
      );
      const pid = listening.rows[0]?.pid as number;
      expect(pid).toBeGreaterThan(0);
      await other.query('SELECT pg_terminate_backend($1)', [pid]);
      await eventually(async () => {
        reads.length = 0;
        await store.getBusiness();
        await store.getBusiness();
        return reads.length === 2; // not cached: both reads reached the database
      });
      // The listener reconnects with back-off (first retry after 0.5 s) and caching resumes: a
      // read right after another is served from memory. (Not "two reads cost one": the first of
      // the two may be kept already, when the reconnect fell between the two of a former turn.)
      await eventually(async () => {
        await store.getBusiness();
        reads.length = 0;
        await store.getBusiness();
        return reads.length === 0;
      }).catch((error: Error) => {
        throw new Error(`${error.message}; the listener logged: ${logged.join(' | ') || 'nothing'}`);
      });
      expect(logged.at(-1)).toMatch(/^catalogue listener back/);
    } finally {
      await listener.close();
    }
  });
});

if (!testPostgresAvailable()) console.warn(POSTGRES_SKIP_REASON);
