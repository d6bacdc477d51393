/**
 * What a calendar feed URL shows (the token is the credential, like a manage link): the member's
 * confirmed bookings from 30 days ago onwards. The upper bound is two years or the booking horizon
 * if longer, not the horizon alone: an admin may book beyond it, and that booking belongs in the
 * member's calendar too.
 */
import type { Booking, StaffMember } from '../../model.ts';
import type { Clock, Store } from '../../ports.ts';
import { ok, type Result, refuse } from '../../result.ts';
import { hashToken } from '../../tokens.ts';

const DAY = 86_400_000;
const PAST_DAYS = 30;
const MIN_AHEAD_DAYS = 730;
/** Enough for any real diary; keeps one request's work bounded. */
const MAX_EVENTS = 2000;

export interface Feed {
  readonly businessName: string;
  readonly member: StaffMember;
  readonly bookings: Booking[];
}

export async function readFeed(
  deps: { store: Pick<Store, 'findStaffByFeedToken' | 'getBusiness' | 'listFeedBookings' | 'listStaff'>; clock: Clock },
  token: string,
): Promise<Result<Feed>> {
  const gone = refuse('NOT_FOUND', 'No such calendar feed.');
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return gone;
  const staffId = await deps.store.findStaffByFeedToken(hashToken(token));
  if (!staffId) return gone;
  const [business, staff] = await Promise.all([deps.store.getBusiness(), deps.store.listStaff()]);
  const member = staff.find((s) => s.id === staffId);
  if (!member) return gone;
  const now = deps.clock.now();
  const window = {
    start: now - PAST_DAYS * DAY,
    end: now + Math.max(business.horizonDays, MIN_AHEAD_DAYS) * DAY,
  };
  const bookings = await deps.store.listFeedBookings(staffId, window, MAX_EVENTS);
  return ok({ businessName: business.name, member, bookings });
}
