/** The store contract against the embedded driver: real in-memory PGlite, one database for the file. */
import { openTestDatabase } from '../../test/support/db.ts';
import { describeStoreContract } from './store.contract.ts';

describeStoreContract('PGlite (embedded)', openTestDatabase);
