/**
 * The store contract again with the read cache embedded mode runs with: cached reads must answer
 * exactly what the database would, through every write, race and hold expiry of the contract.
 */
import { openTestDatabase } from '../../test/support/db.ts';
import { describeStoreContract } from './store.contract.ts';

describeStoreContract('PGlite (embedded) with read cache', () => openTestDatabase({ cache: true }));
