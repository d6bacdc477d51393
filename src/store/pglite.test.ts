/**
 * The store contract against the embedded driver: real in-memory PGlite, one database for the file,
 * on a worker thread as a data directory runs by default (decision 045; pglite-cached.test.ts runs
 * it on the main thread).
 */
import { openTestDatabase } from '../../test/support/db.ts';
import { describeStoreContract } from './store.contract.ts';

describeStoreContract('PGlite (embedded, worker thread)', () => openTestDatabase({ thread: 'worker' }));
