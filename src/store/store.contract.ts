/**
 * The contract every Store driver must pass (STYLE 14): the embedded PGlite driver runs it now, a
 * PostgreSQL-server driver will run it unchanged. Only the Store port and the driver's `db` handle
 * (plain PostgreSQL 15+ for set-up and inspection) are used, so the suite says nothing about how a
 * driver is built, only what it guarantees — above all that the database itself refuses two
 * overlapping bookings of one staff member (SPEC §6), even when requests race.
 *
 * The suite is split by area under contract/; this entry opens ONE database for all of them (starting one costs
 * seconds) and empties it before every test.
 */
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { TestDatabase } from '../../test/support/db.ts';
import { describeAdminBookings } from './contract/admin-bookings.ts';
import { describeAdminCatalog } from './contract/admin-catalog.ts';
import { describeInsertBooking } from './contract/bookings.ts';
import { describeBusinessRules } from './contract/business-rules.ts';
import { describeBusyTime } from './contract/busy.ts';
import { describeBusiness, describeCatalogueReads } from './contract/catalog.ts';
import { describeBookingChanges } from './contract/changes.ts';
import { describeClientData } from './contract/client-data.ts';
import { describeClients } from './contract/clients.ts';
import { describeContentLanguage } from './contract/content-language.ts';
import { describeIdempotency } from './contract/idempotency.ts';
import { describeImages } from './contract/images.ts';
import { describeJobs } from './contract/jobs.ts';
import { describeOfferHolds } from './contract/offer-holds.ts';
import { describeOfferSessionHolds } from './contract/offer-session-holds.ts';
import { describePayments } from './contract/payments.ts';
import { describeRaces } from './contract/race.ts';
import { describeRateLimits } from './contract/rate-limits.ts';
import { describeResources } from './contract/resources.ts';
import { describeRetention } from './contract/retention.ts';
import { describeScheduleSources } from './contract/schedule-sources.ts';
import { describeDatabaseChecks, describeMigrations } from './contract/schema.ts';
import { describeSeats } from './contract/seats.ts';
import { describeSeries } from './contract/series.ts';
import { describeSessionHolds } from './contract/session-holds.ts';
import { describeSetup } from './contract/setup.ts';
import { describeTransactions } from './contract/transactions.ts';
import { describeVerification } from './contract/verification.ts';
import { describeWaitlist } from './contract/waitlist.ts';
import { describeWebhooks } from './contract/webhooks.ts';

export function describeStoreContract(driver: string, open: () => Promise<TestDatabase>): void {
  describe(`Store contract: ${driver}`, () => {
    let t: TestDatabase | undefined;

    /** Called by the areas only while tests run, after beforeAll has opened the database. */
    const getDb = (): TestDatabase => {
      if (t === undefined) throw new Error('the contract database is not open (beforeAll failed?)');
      return t;
    };

    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => {
      await t?.close();
    });
    beforeEach(async () => {
      await getDb().reset();
    });

    // The areas, in the order the suite has always run.
    describeMigrations(getDb);
    describeBusiness(getDb);
    describeSetup(getDb);
    describeCatalogueReads(getDb);
    describeBusyTime(getDb);
    describeInsertBooking(getDb);
    describeRaces(getDb);
    describeBookingChanges(getDb);
    describeClients(getDb);
    describeIdempotency(getDb);
    describeJobs(getDb);
    describeRateLimits(getDb);
    describeVerification(getDb);
    describeTransactions(getDb);
    describeDatabaseChecks(getDb);
    describeAdminBookings(getDb);
    describeAdminCatalog(getDb);
    describeWebhooks(getDb);
    describePayments(getDb);
    describeClientData(getDb);
    describeRetention(getDb);
    describeScheduleSources(getDb);
    describeResources(getDb);
    describeSeats(getDb);
    describeSessionHolds(getDb);
    describeBusinessRules(getDb);
    describeSeries(getDb);
    describeContentLanguage(getDb);
    describeImages(getDb);
    describeWaitlist(getDb);
    describeOfferHolds(getDb);
    describeOfferSessionHolds(getDb);
  });
}
