/**
 * A booking taken in the dashboard, e.g. by phone (API.md POST /admin/bookings): the same slot
 * rules and database guarantee as the client's own booking, but confirmed at once — staff vouch
 * for the client, so there is no email code and no online payment: option "none" with nothing due
 * online, exactly as a client's own booking without online payment (the price is paid at the
 * studio; `price` keeps it). A staff member books only for themselves
 * ("any" means them). `skipRules` lets an admin book inside the minimum notice or beyond the
 * horizon; never in the past, off the slot grid or outside working time, and never over another
 * booking (the exclusion constraint refuses that for everyone).
 */
import { checkAnswers } from '../../booking-answers.ts';
import { inTransaction } from '../../in-transaction.ts';
import type { Booking } from '../../model.ts';
import {
  type BookingRequest,
  candidatesInOrder,
  insertFirstFree,
  seatsRefusal,
  slotGone,
} from '../../place-booking.ts';
import type { Clock, Store } from '../../ports.ts';
import type { Result } from '../../result.ts';
import { loadScheduling } from '../../scheduling.ts';
import { hashToken, newManageToken } from '../../tokens.ts';
import type { Actor } from '../actor.ts';
import { staffBookingFor } from './find-own-booking.ts';
import { staffNotices } from './staff-notices.ts';

export interface StaffBookingInput extends BookingRequest {
  /** Admins only: skip min notice and horizon. */
  readonly skipRules: boolean;
  /** False: no email to the client (staff and owner are still told). */
  readonly notifyClient: boolean;
}

export async function createBookingByStaff(
  deps: {
    store: Pick<
      Store,
      | 'countBookings'
      | 'enqueueJobs'
      | 'findService'
      | 'getBusiness'
      | 'insertBooking'
      | 'listBusy'
      | 'listExternalBusy'
      | 'listOfferHolds'
      | 'listResourceHolds'
      | 'listSessionSeats'
      | 'listStaffForService'
      | 'transaction'
      | 'upsertClient'
    >;
    clock: Clock;
    /** SLOTWISE_SECRET: seals the sensitive answers. */
    secret: string;
  },
  actor: Actor,
  input: StaffBookingInput,
): Promise<Result<Booking>> {
  const who = staffBookingFor(actor, input);
  if ('ok' in who) return who;
  const { staff } = who;
  const now = deps.clock.now();
  return inTransaction(deps.store, async (store) => {
    const loaded = await loadScheduling(store, input.service, staff, true);
    if (!loaded.ok) return loaded;
    const ctx = loaded.value;
    const { business } = ctx;
    const seatProblem = seatsRefusal(input.seats, ctx.service);
    if (seatProblem) return seatProblem;
    const answers = checkAnswers(ctx.service, input.answers, deps.secret);
    if (!answers.ok) return answers;
    if (ctx.members.length === 0) return slotGone('not_offered');
    const ordered = await candidatesInOrder(
      store,
      ctx,
      { start: input.start, skipNoticeAndHorizon: input.skipRules, seats: input.seats },
      now,
    );
    if (!ordered.ok) return ordered;
    const clientId = await store.upsertClient(input.client);
    // The manage link goes out in the client's emails, each with a fresh token; this one is never shown.
    const tokenHash = hashToken(newManageToken());
    const inserted = await insertFirstFree(
      store,
      ctx,
      ordered.value,
      {
        request: input,
        clientId,
        status: 'confirmed',
        payment: 'none',
        amountDue: 0,
        manageTokenHash: tokenHash,
        answers: answers.value,
      },
      now,
    );
    if (inserted.ok) {
      await store.enqueueJobs(staffNotices('confirmed', inserted.value, business, input.notifyClient), now);
    }
    return inserted;
  });
}
