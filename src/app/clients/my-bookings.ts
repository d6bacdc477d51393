/**
 * The page an "email me my bookings" link opens (SPEC §11). The link is single-use and valid 30
 * minutes; a GET only looks at it (mail scanners follow links), the page's button uses it up and
 * lists the person's bookings, upcoming first, each with a fresh manage link (only its hash is
 * stored, as for emailed links: decision 010).
 */

import { atomically } from '../in-transaction.ts';
import type { Booking } from '../model.ts';
import type { Clock, Store } from '../ports.ts';
import { ok, type Result, refuse } from '../result.ts';
import { hashToken, newManageToken } from '../tokens.ts';

/** How long an emailed link works. */
export const MY_BOOKINGS_LINK_MS = 30 * 60_000;
/** At most this many bookings on the page (every upcoming one comes first). */
const MAX_LISTED = 100;
/** A token as newManageToken makes it: anything else is no link, without asking the database. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const gone = () => refuse('NOT_FOUND', 'This link has expired or was already used. Ask for a new one.');

/** Whether the link can still be used (the page then shows its button). */
export async function checkMyBookingsLink(
  deps: { store: Pick<Store, 'peekMyBookingsLink'>; clock: Clock },
  token: string,
): Promise<Result<null>> {
  if (!TOKEN.test(token)) return gone();
  return (await deps.store.peekMyBookingsLink(hashToken(token), deps.clock.now())) ? ok(null) : gone();
}

export interface ListedBooking {
  readonly booking: Booking;
  /** A fresh manage token for the booking's page. */
  readonly token: string;
}

export interface MyBookings {
  readonly email: string;
  /** Not over yet and not cancelled or expired, soonest first. */
  readonly upcoming: readonly ListedBooking[];
  /** The others, latest first. */
  readonly others: readonly ListedBooking[];
}

/** Uses the link up and lists the bookings; NOT_FOUND when it is unknown, used or expired. */
export async function openMyBookings(
  deps: {
    store: Pick<Store, 'addManageToken' | 'listBookingsByEmail' | 'transaction' | 'useMyBookingsLink'>;
    clock: Clock;
  },
  token: string,
): Promise<Result<MyBookings>> {
  if (!TOKEN.test(token)) return gone();
  const now = deps.clock.now();
  return atomically(deps.store, async (tx) => {
    const email = await tx.useMyBookingsLink(hashToken(token), now);
    if (email === null) return gone();
    const all = await tx.listBookingsByEmail(email);
    const held = (b: Booking) =>
      (b.status === 'pending_verification' || b.status === 'awaiting_payment') && (b.holdUntil ?? 0) > now;
    const isUpcoming = (b: Booking) => b.end > now && (b.status === 'confirmed' || held(b));
    const upcoming = all.filter(isUpcoming);
    const others = all.filter((b) => !isUpcoming(b)).reverse();
    const listed = [...upcoming, ...others].slice(0, MAX_LISTED);
    const links = new Map<string, string>();
    for (const b of listed) {
      const fresh = newManageToken();
      await tx.addManageToken(b.id, hashToken(fresh), now);
      links.set(b.id, fresh);
    }
    const withLink = (b: Booking): ListedBooking[] => {
      const t = links.get(b.id);
      return t === undefined ? [] : [{ booking: b, token: t }];
    };
    return ok({ email, upcoming: upcoming.flatMap(withLink), others: others.flatMap(withLink) });
  });
}
