/**
 * Books a recurring series (SPEC §9.2, API.md POST /bookings with `repeat`): every occurrence is
 * checked and inserted in ONE transaction with ONE member; any conflict inserts nothing and
 * answers 409 SERIES_CONFLICT listing each conflicting start with the nearest free starts. The
 * database's exclusion constraint is still the last guard: an occurrence taken by a concurrent
 * writer between the check and the insert rolls the whole series back (decision 031).
 */
import {
  amountDue,
  type Interval,
  paymentOptions,
  type Repeat,
  type SkippedPeriod,
  type StaffSchedule,
} from '../core/index.ts';
import { bookOnce } from './book-once.ts';
import {
  type CreateBookingDeps,
  type CreateBookingInput,
  clientStatus,
  type NextAction,
  nextAction,
} from './create-booking.ts';
import type { Booking } from './model.ts';
import {
  asStored,
  type BookingTerms,
  bookingRow,
  insertFirstFree,
  seatsRefusal,
  slotGone,
  storedNames,
} from './place-booking.ts';
import type { Store } from './ports.ts';
import { invalid, ok, type Result, refuse } from './result.ts';
import { loadScheduling, type SchedulingContext } from './scheduling.ts';
import { seriesConflict, seriesMember } from './series-check.ts';
import { seriesNotices } from './series-notices.ts';
import { hashToken, newManageToken } from './tokens.ts';

export interface CreateSeriesInput extends CreateBookingInput {
  readonly repeat: Repeat;
}

export interface CreatedSeries {
  readonly seriesId: string;
  /** The occurrences, by start. */
  readonly bookings: readonly Booking[];
  /** Periods without an occurrence (a 5th weekday a month lacks, a time a clock change skips). */
  readonly skipped: readonly SkippedPeriod[];
  /** The series' manage token (its first occurrence's). */
  readonly token: string;
  readonly next: NextAction;
}

export interface CreateSeriesDeps extends Omit<CreateBookingDeps, 'store'> {
  readonly store: CreateBookingDeps['store'] &
    Pick<
      Store,
      'createSeries' | 'insertSeriesBookings' | 'nextBookingIds' | 'insertSeriesBookingsWithIds' | 'listSeriesBookings'
    >;
}

export async function createSeries(deps: CreateSeriesDeps, input: CreateSeriesInput): Promise<Result<CreatedSeries>> {
  return bookOnce(deps, input, {
    book: (store, now) => bookSeries({ ...deps, store }, input, now),
    replay,
    saved: ({ seriesId, skipped, next }) => ({ seriesId, skipped, next }),
  });
}

async function replay(
  store: Pick<Store, 'listSeriesBookings'>,
  body: unknown,
  token: string | null,
): Promise<Result<CreatedSeries>> {
  const saved = body as { seriesId?: string; skipped?: SkippedPeriod[]; next: NextAction };
  const bookings = saved.seriesId ? await store.listSeriesBookings(saved.seriesId) : [];
  if (!saved.seriesId || bookings.length === 0 || token === null) {
    throw new Error('idempotent replay: stored series response is incomplete');
  }
  return ok({ seriesId: saved.seriesId, bookings, skipped: saved.skipped ?? [], token, next: saved.next });
}

async function bookSeries(
  deps: CreateSeriesDeps,
  input: CreateSeriesInput,
  now: number,
): Promise<Result<CreatedSeries>> {
  const { store } = deps;
  const loaded = await loadScheduling(store, input.service, input.staff, true);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const { business, service } = ctx;
  if (!service.allowRepeat)
    return invalid('This service cannot be booked as a series.', { repeat: 'not allowed for this service' });
  const seatProblem = seatsRefusal(input.seats, service);
  if (seatProblem) return seatProblem;
  if (ctx.members.length === 0) return slotGone('not_offered');

  // SPEC §9.2: the price (or the deposit) of every occurrence, paid at once with the first.
  const seats = input.seats ?? 1;
  const facts = {
    paymentConfigured: business.paymentUrl !== null && business.paymentSecret !== null,
    price: service.price * seats,
    deposit: service.deposit * seats,
  };
  const offered = paymentOptions(facts);
  if (!offered.includes(input.payment)) {
    return refuse('PAYMENT_OPTION_NOT_ALLOWED', `Payment option "${input.payment}" is not offered for this service.`, {
      allowed: offered,
    });
  }

  const chosen = await seriesMember(store, ctx, input, now);
  if (!chosen.ok) return chosen;
  const { member, slots, plan } = chosen.value;
  const { status, clientId } = await clientStatus(store, input.client, input.payment);
  const token = newManageToken();
  const seriesId = await store.createSeries(input.repeat, now);
  const due = amountDue(input.payment, facts);
  const terms = (i: number): BookingTerms => ({
    request: input,
    clientId,
    status,
    payment: input.payment,
    // The first occurrence carries what the whole series owes, so one payment confirms it all.
    amountDue: i === 0 ? due * slots.length : 0,
    // The series' token is the first occurrence's; the others get their own (emails add more).
    manageTokenHash: hashToken(i === 0 ? token : newManageToken()),
  });
  const written = await writeOccurrences(store, { ...ctx, members: [member] }, member, slots, terms, seriesId, now);
  // Taken by a concurrent writer since the check: nothing of the series stays (the refusal rolls back).
  if (!written.ok) return seriesConflict(store, ctx, member, written.starts, now);
  const bookings = written.bookings;
  const head = bookings[0] as Booking;
  if (head.status === 'pending_verification') await store.startVerification(head.id, now);
  await store.enqueueJobs(seriesNotices(bookings, await store.getBusiness()), now);
  return ok({ seriesId, bookings, skipped: plan.skipped, token, next: nextAction(deps, head, business) });
}

type Written = { ok: true; bookings: Booking[] } | { ok: false; starts: number[] };

/**
 * Every occurrence in one statement (store insertSeriesBookings); seats of a session and services
 * with resources row by row (their trigger and holds), in the same transaction all the same.
 */
export async function writeOccurrences(
  store: Pick<Store, 'insertBooking' | 'insertSeriesBookings' | 'nextBookingIds' | 'insertSeriesBookingsWithIds'>,
  ctx: SchedulingContext,
  member: StaffSchedule,
  slots: readonly Interval[],
  terms: (i: number) => BookingTerms,
  seriesId: string,
  now: number,
): Promise<Written> {
  const first = slots[0] as Interval;
  if ((ctx.service.capacity ?? 1) > 1 || ctx.service.resourceIds.length > 0) {
    const bookings: Booking[] = [];
    for (const [i, slot] of slots.entries()) {
      const inserted = await insertFirstFree(store, ctx, [{ member, ...slot }], terms(i), now, { seriesId });
      if (!inserted.ok) return { ok: false, starts: [slot.start] };
      bookings.push(inserted.value);
    }
    return { ok: true, bookings };
  }
  // First under ids taken before, nothing read back (a single booking's way, decision 043): the
  // bookings are what the rows say. A refusal goes the way that expires lapsed holds and finds
  // the taken rows.
  // Rows made afresh for each try: a clash of references is tried again with new ones.
  const occurrences = () =>
    slots.map((slot, i) => ({ ...bookingRow(ctx, { member, ...slot }, terms(i), now), seriesId }));
  const ids = await store.nextBookingIds(slots.length);
  const rows = occurrences();
  if (await store.insertSeriesBookingsWithIds(rows, ids, now)) {
    const names = storedNames(ctx, { member, ...first });
    return { ok: true, bookings: rows.map((row, i) => asStored(row, ids[i] as string, names, now)) };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await store.insertSeriesBookings(occurrences(), now);
    if (inserted.ok) return inserted;
    if (inserted.code === 'SLOT_UNAVAILABLE') {
      const starts = inserted.taken.map((i) => slots[i]?.start ?? first.start);
      return { ok: false, starts: starts.length > 0 ? starts : [first.start] };
    }
  }
  return { ok: false, starts: [first.start] };
}
