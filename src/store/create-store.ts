/**
 * The Store port over any Sql driver: every method is plain PostgreSQL shared by all drivers.
 * With a ReadCache (embedded mode), catalogue and busy-time reads are served from memory and
 * every write invalidates what it touches (read-cache.ts says why that is safe).
 */
import type { NewBooking } from '../app/model.ts';
import type { Store } from '../app/ports.ts';
import { merge as mergeIntervals } from '../core/index.ts';
import { accountStore } from './accounts.ts';
import { adminBookingStore } from './admin-bookings.ts';
import { adminCatalogStore } from './admin-catalog.ts';
import * as changes from './booking-changes.ts';
import * as bookings from './bookings.ts';
import * as calendars from './calendars.ts';
import * as catalog from './catalog.ts';
import { clientDataStore, eraseClientData } from './client-data.ts';
import * as idempotency from './idempotency.ts';
import * as jobs from './jobs.ts';
import { mergeParts } from './merge-parts.ts';
import * as payments from './payments.ts';
import * as rateLimits from './rate-limits.ts';
import type { ReadCache } from './read-cache.ts';
import * as reports from './reports.ts';
import * as resources from './resources.ts';
import { seriesStore } from './series.ts';
import * as sessionSeats from './session-seats.ts';
import { applySetup } from './setup.ts';
import type { Database, Sql } from './sql.ts';
import * as verification from './verification.ts';
import * as waitlist from './waitlist.ts';
import { waitlistStore } from './waitlist.ts';
import { webhookStore } from './webhooks.ts';

/**
 * `pending` collects, inside a transaction, the invalidations to repeat once it has ended: with
 * several connections a reader could otherwise cache rows read before the commit. `committed`
 * collects what to apply to the cache only if the transaction commits (a nested transaction
 * hands its list up only when it succeeds). `staffWritten`: the members whose bookings the
 * transaction (nested ones included) has written so far.
 */
export function createStore(
  sql: Sql,
  cache?: ReadCache,
  pending?: (() => void)[],
  committed?: (() => void)[],
  staffWritten?: Set<string>,
): Store {
  const read = <T>(key: string, load: () => Promise<T>) => (cache ? cache.catalogRead(key, load) : load());
  const invalidate = (fn: () => void) => {
    fn();
    pending?.push(fn);
  };
  /**
   * A member's bookings are being written: loads in flight are not kept, while the cached rows stay
   * the committed state for views until the commit adds to them. They lack this transaction's own
   * rows, so its reads of the member go to the database (`cachedFor`).
   */
  const writing = (staffId: string) => {
    staffWritten?.add(staffId);
    invalidate(() => cache?.touchStaff(staffId));
  };
  /** The cached rows can answer for these members: none has bookings this transaction wrote. */
  const cachedFor = (ids: readonly string[]) => (staffWritten?.size ? !ids.some((id) => staffWritten.has(id)) : true);
  /** A change of what bookings hold on resources: every cached hold is read again. */
  const dropHolds = () => invalidate(() => cache?.invalidateResources());
  // Merged with Object.assign, not spread into a literal: every transaction builds its own store,
  // and a literal of spreads costs ~50× more (merge-parts.ts, decision 046).
  const own = {
    async eraseClientData(email, keys, now) {
      // Their live offers go with their entries, and what those held on rooms (migration 021).
      invalidate(() => {
        cache?.offersChanged();
        cache?.invalidateResources();
      });
      return eraseClientData(sql, email, keys, now);
    },
    async listOfferHolds(ids, window, now, except) {
      // Embedded mode: while no offer is live (nearly always), a view reads no holds at all.
      if (cache?.noLiveOffers()) return new Map(ids.map((id) => [id, []]));
      const version = cache?.offersSeen();
      // Asked together (one round trip on a pipelining driver); only a cache that keeps busy time asks.
      const [holds, any] = await Promise.all([
        waitlist.listOfferHolds(sql, ids, window, now, except),
        version === undefined ? null : waitlist.anyLiveOffer(sql),
      ]);
      if (any !== null && version !== undefined) cache?.noteLiveOffers(any, version);
      return holds;
    },
    async transaction(fn) {
      if (pending) {
        const mine: (() => void)[] = [];
        const result = await sql.transaction((tx) => fn(createStore(tx, cache, pending, mine, staffWritten)));
        (committed ?? pending).push(...mine);
        return result;
      }
      const after: (() => void)[] = [];
      const done: (() => void)[] = [];
      try {
        const result = await sql.transaction((tx) => fn(createStore(tx, cache, after, done, new Set())));
        for (const f of done) f();
        return result;
      } finally {
        for (const f of after) f();
      }
    },
    getBusiness: () => read('business', () => catalog.getBusiness(sql)),
    listServices: (opts) =>
      read(`services:${opts?.activeOnly ?? false}`, () => catalog.listServices(sql, opts?.activeOnly ?? false)),
    async findService(idOrSlug) {
      const service = await read(`service:${idOrSlug}`, () => catalog.findService(sql, idOrSlug));
      // Found by slug: kept under its id too (an id always names it; a slug of digits may not), so
      // a booking made by slug is shown by id without reading it again (decision 043).
      if (service && cache && idOrSlug !== service.id)
        await cache.catalogRead(`service:${service.id}`, async () => service);
      return service;
    },
    listStaffForService: (serviceId) =>
      read(`staff-for:${serviceId}`, () => catalog.loadStaff(sql, { serviceId, activeOnly: true })),
    listStaff: () => read('staff', () => catalog.loadStaff(sql)),
    async listBusy(ids, window, now, merged = false) {
      const cached =
        cache && cachedFor(ids)
          ? await cache.busyFor(
              ids,
              window,
              now,
              (missing, floor) => bookings.loadOccupying(sql, missing, floor),
              merged,
            )
          : null;
      if (cached) return cached;
      const rows = await bookings.listBusy(sql, ids, window, now);
      if (merged) for (const [id, list] of rows) rows.set(id, mergeIntervals(list));
      return rows;
    },
    async listExternalBusy(ids, window, dates, now) {
      const cached = cache
        ? await cache.externalFor(ids, window, dates, now, (missing, floor, from) =>
            calendars.loadExternal(sql, missing, floor, from),
          )
        : null;
      return cached ?? calendars.listExternalBusy(sql, ids, window, dates);
    },
    async listResourceHolds(ids, window, now, exceptOffer) {
      if (ids.length === 0) return new Map();
      // The cached rows do not say whose they are: an accept, which leaves its offer's holds out, reads the database.
      const cached =
        cache && exceptOffer === undefined
          ? await cache.resourceHoldsFor(ids, window, now, (missing, floor) =>
              resources.loadResourceRows(sql, missing, floor),
            )
          : null;
      return cached ?? resources.listResourceHolds(sql, ids, window, now, exceptOffer);
    },
    viewToken: (ids, now, resourceIds) => cache?.viewToken(ids, now, resourceIds) ?? null,
    async listSessionSeats(serviceId, ids, window, now) {
      const cached =
        cache && cachedFor(ids)
          ? await cache.seatsFor(serviceId, ids, window, now, (missing, floor) =>
              sessionSeats.loadSeats(sql, serviceId, missing, floor),
            )
          : null;
      return cached ?? bookings.listSessionSeats(sql, serviceId, ids, window, now);
    },
    countBookings: (ids, window, now) => bookings.countBookings(sql, ids, window, now),
    async findClientId(email) {
      const [row] = await sql.query('SELECT id FROM clients WHERE lower(email) = lower($1)', [email]);
      return row ? String(row.id) : null;
    },
    async insertClientIfNew(c) {
      // A returning client's id comes back from the same statement (one round trip, decision 043).
      const [row] = await sql.query(
        `WITH ins AS (
           INSERT INTO clients (email, name, phone, address) VALUES ($1, $2, $3, $4)
           ON CONFLICT ((lower(email))) DO NOTHING RETURNING id)
         SELECT id, true AS created FROM ins
         UNION ALL
         SELECT id, false AS created FROM clients WHERE lower(email) = lower($1) AND NOT EXISTS (SELECT 1 FROM ins)`,
        [c.email, c.name, c.phone, c.address],
      );
      return row ? { id: String(row.id), created: Boolean(row.created) } : null;
    },
    async upsertClient(c) {
      const [row] = await sql.query(
        `INSERT INTO clients (email, name, phone, address) VALUES ($1, $2, $3, $4)
         ON CONFLICT ((lower(email))) DO UPDATE SET name = EXCLUDED.name,
           phone = COALESCE(EXCLUDED.phone, clients.phone), address = COALESCE(EXCLUDED.address, clients.address),
           updated_at = now()
         RETURNING id`,
        [c.email, c.name, c.phone, c.address],
      );
      return String(row?.id);
    },
    async insertBooking(b, now) {
      // Loads in flight are not stored, and once committed the row joins the cached rows.
      writing(b.staffId);
      if (b.resources && b.resources.ids.length > 0) dropHolds();
      const result = await bookings.insertBooking(sql, b, now);
      if (result.ok && cache) {
        const add = addToCache(cache, b);
        if (committed) committed.push(add);
        else add();
      }
      return result;
    },
    nextBookingId: () => bookings.nextBookingId(sql),
    insertBookingWithId(b, id, now) {
      // As insertBooking, without waiting for the answer: the row joins the cached rows only if the
      // transaction commits, which it does only if the insert succeeded.
      writing(b.staffId);
      const written = bookings.insertBookingWithId(sql, b, id, now);
      if (cache) {
        const add = addToCache(cache, b);
        if (committed) committed.push(add);
        else
          written.then(
            (ok) => ok && add(),
            () => {},
          );
      }
      return written;
    },
    nextBookingIds: (count) => bookings.nextBookingIds(sql, count),
    async insertSeriesBookingsWithIds(rows, ids, now) {
      // As insertSeriesBookings below.
      const staffIds = [...new Set(rows.map((b) => b.staffId))];
      for (const id of staffIds) writing(id);
      const written = await bookings.insertSeriesRowsWithIds(sql, rows, ids, now);
      if (written && cache) {
        const add = addSeriesToCache(cache, rows, staffIds);
        if (committed) committed.push(add);
        else add();
      }
      return written;
    },
    async insertSeriesBookings(rows, now) {
      // As insertBooking: the member's cached rows are dropped now and after the transaction, and
      // once committed the new rows join them.
      const staffIds = [...new Set(rows.map((b) => b.staffId))];
      for (const id of staffIds) writing(id);
      const result = await bookings.insertSeriesRows(sql, rows, now);
      if (result.ok && cache) {
        const add = addSeriesToCache(cache, rows, staffIds);
        if (committed) committed.push(add);
        else add();
      }
      return result;
    },
    getBooking: (id) => bookings.getBooking(sql, id),
    findBookingByToken: (hash) => changes.findBookingByToken(sql, hash),
    listHistory: (id) => changes.listHistory(sql, id),
    async cancelBooking(id, reason, now, terms) {
      const cancelled = await changes.cancelBooking(sql, id, reason, now, terms ?? null);
      if (cancelled) invalidate(() => cache?.invalidateStaff(cancelled.staffId));
      if (cancelled) dropHolds();
      return cancelled;
    },
    countNoShows: (email) => changes.countNoShows(sql, email),
    async listSealedAnswers(afterId, limit) {
      const rows = await sql.query(
        `SELECT id, reference, answers_sealed FROM bookings
         WHERE answers_sealed IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
        [afterId ?? '0', limit],
      );
      return rows.map((r) => ({ id: String(r.id), reference: String(r.reference), sealed: String(r.answers_sealed) }));
    },
    async replaceSealedAnswers(id, from, to) {
      const rows = await sql.query(
        'UPDATE bookings SET answers_sealed = $3 WHERE id = $1 AND answers_sealed = $2 RETURNING id',
        [id, from, to],
      );
      return rows.length === 1;
    },
    reportRows: (q) => reports.reportRows(sql, q),
    async moveBooking(m, now) {
      const drop = () => {
        cache?.invalidateStaff(m.fromStaffId);
        cache?.invalidateStaff(m.toStaffId);
      };
      invalidate(drop);
      if (m.held) dropHolds();
      try {
        return await changes.moveBooking(sql, m, now);
      } finally {
        invalidate(drop);
        if (m.held) dropHolds();
      }
    },
    findBookingByReference: (reference) => payments.findBookingByReference(sql, reference),
    recordPayment: (p, now) => payments.recordPayment(sql, p, now),
    findPayment: (transactionId, status) => payments.findPayment(sql, transactionId, status),
    getPayment: (id) => payments.getPayment(sql, id),
    listPayments: (bookingId) => payments.listPayments(sql, bookingId),
    markPaymentUnapplied: (id, reason) => payments.markPaymentUnapplied(sql, id, reason),
    async extendGatewayHold(id, until, now) {
      const staffId = await payments.extendGatewayHold(sql, id, until, now);
      // The hold's end moved: that member's cached busy rows must be read again.
      if (staffId !== null) invalidate(() => cache?.invalidateStaff(staffId));
      if (staffId !== null) dropHolds();
      return staffId !== null;
    },
    async confirmPayment(id, amount, remindAt, now) {
      const confirmed = await payments.confirmPayment(sql, id, amount, remindAt, now);
      // The row's hold end is gone: cached busy rows of that member must be read again.
      if (confirmed) invalidate(() => cache?.invalidateStaff(confirmed.staffId));
      if (confirmed) dropHolds();
      return confirmed;
    },
    async confirmVerified(id, change, now) {
      const confirmed = await verification.confirmVerified(sql, id, change, now);
      // The hold's end changed (or is gone): that member's cached busy rows must be read again.
      if (confirmed) invalidate(() => cache?.invalidateStaff(confirmed.staffId));
      if (confirmed) dropHolds();
      return confirmed;
    },
    addManageToken: (id, hash, now) => verification.addManageToken(sql, id, hash, now),
    startVerification: (id, now) => verification.startVerification(sql, id, now),
    getVerification: (id) => verification.getVerification(sql, id),
    markCodeRequested: (id, notAfter, now) => verification.markCodeRequested(sql, id, notAfter, now),
    storeCode: (id, hash, now) => verification.storeCode(sql, id, hash, now),
    useCodeAttempt: (id, issuedAfter, max) => verification.useCodeAttempt(sql, id, issuedAfter, max),
    enqueueJobs: (list, now) => jobs.enqueueJobs(sql, list, now),
    claimIdempotencyKey: (key, hash, now) => idempotency.claimIdempotencyKey(sql, key, hash, now),
    saveIdempotentResponse: (key, status, body, sealed) =>
      idempotency.saveIdempotentResponse(sql, key, status, body, sealed),
    releaseIdempotencyKey: (key) => idempotency.releaseIdempotencyKey(sql, key),
    hitRateLimit: (key, max, windowMs, now) => rateLimits.hitRateLimit(sql, key, max, windowMs, now),
    hitRateLimits: (asks, now) => rateLimits.hitRateLimits(sql, asks, now),
    async applySetup(setup, hash) {
      const drop = () => cache?.invalidateCatalog();
      invalidate(drop);
      try {
        return await applySetup(sql, setup, hash);
      } finally {
        invalidate(drop);
      }
    },
    async lockSetup() {
      await sql.query("SELECT pg_advisory_xact_lock(hashtextextended('slotwise:setup', 0))");
    },
    async isEmpty() {
      const [row] = await sql.query('SELECT NOT EXISTS (SELECT 1 FROM services) AS empty');
      return Boolean(row?.empty);
    },
  } satisfies Partial<Store>;
  const store: Store = mergeParts(
    accountStore(sql),
    calendars.calendarStore(sql, (staffId) => invalidate(() => cache?.invalidateExternal(staffId))),
    adminBookingStore(sql, cache, invalidate),
    adminCatalogStore(sql, cache, invalidate),
    webhookStore(sql, cache, invalidate),
    // The embedded database (one process) can afford to rewrite tables to leave no trace of erased
    // data; a shared server is only vacuumed (decision 022). A transaction's store cannot vacuum.
    clientDataStore(sql, (sql as Partial<Database>).driver === 'pglite'),
    seriesStore(sql),
    // A hold changes what the member's cached views show (SPEC §9.3), and what is held on the
    // service's resources (migration 021).
    waitlistStore(sql, (staffId) =>
      invalidate(() => {
        cache?.touchStaff(staffId);
        cache?.offersChanged();
        cache?.invalidateResources();
      }),
    ),
    own,
  );
  return store;
}

/** A booking's row joining its member's cached busy rows: called once the row is committed. */
function addToCache(cache: ReadCache, b: NewBooking): () => void {
  const row = {
    start: b.occupied.start,
    end: b.occupied.end,
    holdUntil: b.status === 'confirmed' ? null : b.holdUntil,
  };
  return () => cache.addRow(b.staffId, row);
}

/** A series' rows joining their members' cached busy rows, one copy per member: called once committed. */
function addSeriesToCache(cache: ReadCache, rows: readonly NewBooking[], staffIds: readonly string[]): () => void {
  return () => {
    for (const id of staffIds) {
      const mine = rows.filter((b) => b.staffId === id);
      cache.addRows(
        id,
        mine.map((b) => ({
          start: b.occupied.start,
          end: b.occupied.end,
          holdUntil: b.status === 'confirmed' ? null : b.holdUntil,
        })),
      );
    }
  };
}
