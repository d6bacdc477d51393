/**
 * Joins the waitlist (SPEC §9.3, API.md `POST /waitlist`): a (service, member or any, date,
 * optional earliest start and latest end, seats) for a client. Bad input is a 400 naming the
 * field: an unknown service or member, a date outside today … today + horizon in the entry's zone,
 * bad times or seats (core waitlistJoinProblems). Answers the entry's id and its place in the
 * queue of its service and date, counted from 1; the client gets an email with a link to leave.
 */
import { dateOf, parseWallTime, waitlistJoinProblems, waitlistPosition } from '../../core/index.ts';
import { inTransaction } from '../in-transaction.ts';
import type { ClientDetails } from '../model.ts';
import type { Clock, Store } from '../ports.ts';
import { overLimit, type RateLimits } from '../rate-limits.ts';
import { invalid, ok, type Result } from '../result.ts';
import { loadScheduling } from '../scheduling.ts';
import { hashToken, newManageToken, sealToken } from '../tokens.ts';
import { joinedNotice } from './waitlist-notices.ts';

export interface JoinInput {
  /** A service's id or slug. */
  readonly service: string;
  /** A member's id, or "any". */
  readonly staff: string;
  readonly date: string;
  readonly from?: string | null | undefined;
  readonly to?: string | null | undefined;
  readonly seats?: number | undefined;
  readonly client: Pick<ClientDetails, 'name' | 'email' | 'phone'>;
  /** The client's language for emails; absent = the business's. */
  readonly locale?: string | undefined;
  /** The zone the date and times are read in; absent = the member's (or the business's). */
  readonly timezone?: string | undefined;
}

export interface Joined {
  readonly id: string;
  readonly position: number;
  /** The leave token (the email carries it too). */
  readonly token: string;
}

export async function joinWaitlist(
  deps: {
    readonly store: Pick<
      Store,
      | 'enqueueJobs'
      | 'findService'
      | 'getBusiness'
      | 'hitRateLimit'
      | 'insertWaitlistEntry'
      | 'listStaffForService'
      | 'listWaitingEntries'
      | 'transaction'
    >;
    readonly clock: Clock;
    readonly secret: string;
    /** `booking-email` limits joins per client email as it does bookings (each sends an email); absent = none. */
    readonly rateLimits?: RateLimits;
  },
  input: JoinInput,
): Promise<Result<Joined>> {
  const now = deps.clock.now();
  const loaded = await loadScheduling(deps.store, input.service, input.staff, true);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  if (ctx.members.length === 0) return invalid('Nobody offers this service.', { service: 'not offered by anyone' });
  const zone = input.timezone ?? (input.staff === 'any' ? ctx.business.timezone : ctx.members[0]?.timezone) ?? 'UTC';
  const horizonDays = Math.max(...ctx.members.map((m) => m.policy.horizonDays));
  const problems = waitlistJoinProblems(input, {
    today: dateOf(now, zone),
    horizonDays,
    service: { capacity: ctx.service.capacity ?? 1, maxSeatsPerBooking: ctx.service.maxSeatsPerBooking ?? 1 },
  });
  if (problems.length > 0) {
    return invalid('Invalid waitlist entry.', Object.fromEntries(problems.map((p) => [p.path.join('.'), p.message])));
  }
  // Checked last, so bad input costs no hit; every join emails the address it names.
  const limited = await overLimit(deps, 'booking-email', input.client.email);
  if (limited) return limited;
  const token = newManageToken();
  return inTransaction(deps.store, async (store) => {
    const entry = await store.insertWaitlistEntry(
      {
        serviceId: ctx.service.id,
        staffId: input.staff === 'any' ? null : (ctx.members[0]?.id ?? null),
        date: input.date,
        timezone: zone,
        from: input.from == null ? null : parseWallTime(input.from),
        to: input.to == null ? null : parseWallTime(input.to),
        seats: input.seats ?? 1,
        client: { name: input.client.name, email: input.client.email, phone: input.client.phone ?? null },
        locale: input.locale ?? ctx.business.locale,
        leaveTokenHash: hashToken(token),
      },
      now,
    );
    const waiting = await store.listWaitingEntries(ctx.service.id, { from: input.date, to: input.date });
    await store.enqueueJobs([joinedNotice(entry, sealToken(token, deps.secret))], now);
    return ok({ id: entry.id, position: waitlistPosition(waiting, entry), token });
  });
}
