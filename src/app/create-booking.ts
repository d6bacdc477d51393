/**
 * Books a slot (API.md POST /bookings): checks the service/staff pair, the payment option and the
 * slot against the rules, then writes; the database's exclusion constraint is the last guard and
 * its refusal becomes SLOT_UNAVAILABLE. Idempotent per Idempotency-Key.
 *
 * Status: a known client's email must be proven first (pending_verification); a booking to pay
 * waits for the gateway (awaiting_payment); otherwise it is confirmed at once.
 */
import { amountDue, noShowLimitReached, type PaymentOption, paymentOptions } from '../core/index.ts';
import type { Attempt } from './book-once.ts';
import { bookOnce } from './book-once.ts';
import { checkAnswers } from './booking-answers.ts';
import type { Booking, BookingStatus, Business, ClientDetails } from './model.ts';
import { bookingNotices, verificationNotice } from './notices.ts';
import { payAction } from './payment-link.ts';
import {
  asStored,
  type BookingRequest,
  bookingRow,
  candidatesInOrder,
  insertFirstFree,
  seatsRefusal,
  slotGone,
  storedNames,
} from './place-booking.ts';
import type { Clock, Store } from './ports.ts';
import type { HandedHit, RateLimits } from './rate-limits.ts';
import { ok, type Result, refuse } from './result.ts';
import { loadScheduling } from './scheduling.ts';
import { hashToken, newManageToken, sealToken } from './tokens.ts';

export interface CreateBookingInput extends BookingRequest {
  readonly payment: PaymentOption;
  /** Admins may skip notice and horizon (dashboard); never the overlap. */
  readonly skipNoticeAndHorizon?: boolean;
  readonly idempotency?: { readonly key: string; readonly requestHash: string } | undefined;
  /** The HTTP layer's `booking-ip` hit, counted by bookOnce with `booking-email` (decision 043). */
  readonly addressHit?: HandedHit | undefined;
}

export type NextAction = { action: 'verify_email' } | { action: 'pay'; url: string } | { action: 'done' };

export interface CreatedBooking {
  readonly booking: Booking;
  readonly token: string;
  readonly next: NextAction;
}

export interface CreateBookingDeps {
  readonly store: Pick<
    Store,
    | 'claimIdempotencyKey'
    | 'countBookings'
    | 'countNoShows'
    | 'enqueueJobs'
    | 'findClientId'
    | 'findService'
    | 'getBooking'
    | 'getBusiness'
    | 'hitRateLimits'
    | 'insertBooking'
    | 'insertBookingWithId'
    | 'insertClientIfNew'
    | 'listBusy'
    | 'listExternalBusy'
    | 'listOfferHolds'
    | 'listResourceHolds'
    | 'listSessionSeats'
    | 'listStaffForService'
    | 'nextBookingId'
    | 'saveIdempotentResponse'
    | 'startVerification'
    | 'transaction'
  >;
  readonly clock: Clock;
  /** SLOTWISE_SECRET: seals the token kept for idempotent replays. */
  readonly secret: string;
  /** Base URL of this site, for the payment return link. */
  readonly publicUrl: string;
  /** `booking-email` limits bookings per client email; absent = no limit. */
  readonly rateLimits?: RateLimits;
}

export async function createBooking(
  deps: CreateBookingDeps,
  input: CreateBookingInput,
): Promise<Result<CreatedBooking>> {
  return bookOnce(deps, input, {
    book: (store, now, alongside, claimed, attempt) =>
      book({ ...deps, store }, input, now, alongside, claimed, attempt),
    readsBeforeClaim: true,
    replay,
    saved: (v) => ({ bookingId: v.booking.id, next: v.next }),
  });
}

async function replay(
  store: Pick<Store, 'getBooking'>,
  body: unknown,
  token: string | null,
): Promise<Result<CreatedBooking>> {
  const saved = body as { bookingId: string; next: NextAction };
  const booking = await store.getBooking(saved.bookingId);
  if (!booking || token === null) throw new Error('idempotent replay: stored response is incomplete');
  return ok({ booking, token, next: saved.next });
}

async function book(
  deps: CreateBookingDeps,
  input: CreateBookingInput,
  now: number,
  alongside: (write: Promise<unknown>) => void,
  claimed: Promise<boolean>,
  attempt: Attempt,
): Promise<Result<CreatedBooking>> {
  const { store } = deps;
  const loaded = await loadScheduling(store, input.service, input.staff, true);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const { business, service } = ctx;
  const seatProblem = seatsRefusal(input.seats, service);
  if (seatProblem) return seatProblem;
  const answers = checkAnswers(service, input.answers, deps.secret);
  if (!answers.ok) return answers;
  if (ctx.members.length === 0) return slotGone('not_offered');

  // A group session's booking pays for each of its seats (SPEC §9.1).
  const seats = input.seats ?? 1;
  const paymentFacts = {
    paymentConfigured: business.paymentUrl !== null && business.paymentSecret !== null,
    price: service.price * seats,
    deposit: service.deposit * seats,
    // SPEC §10.3: counted by email when the rule is on, whoever the client says they are.
    noShows: business.noShowLimit > 0 ? await store.countNoShows(input.client.email) : 0,
    noShowLimit: business.noShowLimit,
  };
  const offered = paymentOptions(paymentFacts);
  if (!offered.includes(input.payment)) {
    // Refused because of the rule: the option would be offered to a client without no-shows.
    const limited =
      noShowLimitReached(paymentFacts) && paymentOptions({ ...paymentFacts, noShows: 0 }).includes(input.payment);
    return refuse(
      'PAYMENT_OPTION_NOT_ALLOWED',
      limited
        ? 'After missed appointments, this booking must be paid in full.'
        : `Payment option "${input.payment}" is not offered for this service.`,
      limited ? { allowed: offered, reason: 'no_show_limit' } : { allowed: offered },
    );
  }

  // The client's record is asked for with the busy time, in the same round trip on a pipelining
  // driver (decision 040); a refusal rolls the transaction back, a new client's record with it.
  // The first try takes the booking's id with them too, so that its row, its jobs, the stored
  // answer and COMMIT go out together (decision 043); seats and resources go as before.
  const withId = attempt.optimistic && (service.capacity ?? 1) <= 1 && service.resourceIds.length === 0;
  const [ordered, { status, clientId }, id] = await Promise.all([
    candidatesInOrder(store, ctx, input, now),
    clientStatus(store, input.client, input.payment),
    withId ? store.nextBookingId() : null,
  ]);
  if (!ordered.ok) return ordered;
  // The row waits for the Idempotency-Key's claim (answered with the reads above); a repeat or a
  // reused key rolls back what was asked so far, a new client's record included.
  if (!(await claimed)) return slotGone('taken');
  const token = newManageToken();
  const due = amountDue(input.payment, paymentFacts);

  const terms = {
    request: input,
    clientId,
    status,
    payment: input.payment,
    amountDue: due,
    manageTokenHash: hashToken(token),
    answers: answers.value,
  };
  const first = ordered.value[0];
  if (id !== null && first) {
    // Not awaited: the best member's row, then what names it; the transaction commits only if the
    // row was written. When a constraint refuses it (taken meanwhile, a lapsed hold in the way, a
    // clash of references) the transaction fails and bookOnce redoes it without this path.
    const row = bookingRow(ctx, first, terms, now);
    const booking = asStored(row, id, storedNames(ctx, first), now);
    alongside(
      store.insertBookingWithId(row, id, now).then((written) => {
        if (!written) attempt.refused();
      }),
    );
    alongside(followUp(store, booking, business, now, sealToken(token, deps.secret)));
    return ok({ booking, token, next: nextAction(deps, booking, business) });
  }
  const inserted = await insertFirstFree(store, ctx, ordered.value, terms, now);
  if (!inserted.ok) return inserted;
  const booking = inserted.value;
  alongside(followUp(store, booking, business, now, sealToken(token, deps.secret)));
  return ok({ booking, token, next: nextAction(deps, booking, business) });
}

/**
 * Emails of a new booking, queued in its transaction: a code to prove the email, or the
 * confirmation. Every statement is sent at once (none waits for another's answer): they are left
 * in flight, and the transaction commits behind them — a statement sent after its COMMIT would
 * not be the transaction's. The confirmation carries the token this request returns, sealed: the
 * client's email links with it, so sending it writes no token of its own (decision 048).
 */
function followUp(
  store: Pick<Store, 'enqueueJobs' | 'startVerification'>,
  booking: Booking,
  business: Business,
  now: number,
  tokenSealed: string,
): Promise<unknown> {
  if (booking.status === 'pending_verification') {
    return Promise.all([
      store.startVerification(booking.id, now),
      store.enqueueJobs([verificationNotice(booking)], now),
    ]);
  }
  if (booking.status === 'confirmed') {
    return store.enqueueJobs(bookingNotices('confirmed', booking, business, { tokenSealed }), now);
  }
  // awaiting_payment: the emails follow the gateway's confirmation (receive-payment.ts).
  return Promise.resolve();
}

/**
 * A known email must be proven (pending_verification); a new client who pays waits for the
 * gateway (awaiting_payment, no client record yet); a new client who does not pay is confirmed
 * and recorded at once. For that common case a single statement both checks and records, and
 * gives a known client's id as well.
 * A refusal later rolls the transaction back, the new client record included.
 */
export async function clientStatus(
  store: Pick<Store, 'findClientId' | 'insertClientIfNew'>,
  client: ClientDetails,
  payment: PaymentOption,
): Promise<{ status: BookingStatus; clientId: string | null }> {
  if (payment === 'none') {
    const found = await store.insertClientIfNew(client);
    if (found?.created) return { status: 'confirmed', clientId: found.id };
    if (found) return { status: 'pending_verification', clientId: found.id };
  }
  const known = await store.findClientId(client.email);
  if (known !== null) return { status: 'pending_verification', clientId: known };
  return { status: 'awaiting_payment', clientId: null };
}

export function nextAction(deps: CreateBookingDeps, booking: Booking, business: Business): NextAction {
  switch (booking.status) {
    case 'pending_verification':
      return { action: 'verify_email' };
    case 'awaiting_payment':
      return payAction(booking, business, deps.publicUrl);
    default:
      return { action: 'done' };
  }
}
