/**
 * The store contract against the server driver: a real PostgreSQL (TEST_DATABASE_URL, or a
 * throwaway server from the installed binaries), one database for the file. Without either the
 * suite is skipped, visibly: a skipped test named with the way to enable it.
 */
import { describe, it } from 'vitest';
import { openPostgresTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { POSTGRES_SKIP_REASON, startTestPostgres, testPostgresAvailable } from '../../test/support/postgres.ts';
import { describeStoreContract } from './store.contract.ts';

/** Starts the server (the contract's beforeAll calls this once) and stops it when the database closes. */
async function open(): Promise<TestDatabase> {
  const server = await startTestPostgres();
  if (!server) throw new Error(POSTGRES_SKIP_REASON);
  try {
    const t = await openPostgresTestDatabase(server.url);
    return {
      ...t,
      async close() {
        try {
          await t.close();
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

if (testPostgresAvailable()) {
  describeStoreContract('PostgreSQL (server)', open);
} else {
  console.warn(POSTGRES_SKIP_REASON);
  describe('Store contract: PostgreSQL (server)', () => {
    it.skip(POSTGRES_SKIP_REASON, () => {});
  });
}
