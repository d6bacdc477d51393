/**
 * The dashboard's booking list (API.md GET /admin/bookings): bookings starting between two dates
 * of the business zone (both included; default today and the next 31 days), by staff, status and
 * text, a page at a time. A staff member sees only their own; naming another member answers
 * NOT_FOUND, as an unknown id does. The cursor is opaque to callers and checked like any input.
 */
import { z } from 'zod';
import { addDays, dateOf, type LocalDate, startOfDay } from '../../../core/index.ts';
import type { Booking, BookingStatus } from '../../model.ts';
import type { Clock, Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { type Actor, staffScope } from '../actor.ts';
import type { BookingPosition } from './admin-booking-store.ts';

export const DEFAULT_DAYS = 31;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface ListBookingsInput {
  readonly from?: LocalDate | undefined;
  readonly to?: LocalDate | undefined;
  readonly staff?: string | undefined;
  readonly status?: BookingStatus | undefined;
  readonly q?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

export interface BookingPage {
  readonly bookings: Booking[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

// Instants between 1900 and 3000: whatever a forged cursor says, the query gets a real time.
const position = z.strictObject({
  s: z.number().int().min(-2_208_988_800_000).max(32_503_680_000_000),
  i: z.string().regex(/^\d{1,18}$/),
});

export const encodeCursor = (p: BookingPosition): string =>
  Buffer.from(JSON.stringify({ s: p.start, i: p.id })).toString('base64url');

export function decodeCursor(cursor: string): BookingPosition | null {
  try {
    const parsed = position.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { start: parsed.data.s, id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

export async function listBookings(
  deps: { store: Pick<Store, 'getBusiness' | 'listBookings' | 'listStaff'>; clock: Clock },
  actor: Actor,
  input: ListBookingsInput,
): Promise<Result<BookingPage>> {
  const now = deps.clock.now();
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor);
  if (input.cursor !== undefined && after === null) {
    return invalid('Invalid cursor.', { cursor: 'not a cursor from a previous page' });
  }
  const staffId = await staffFilter(deps.store, actor, input.staff);
  if (!staffId.ok) return staffId;
  const { timezone } = await deps.store.getBusiness();
  const from = input.from ?? dateOf(now, timezone);
  const to = input.to ?? addDays(from, DEFAULT_DAYS);
  if (to < from) return invalid('The range ends before it starts.', { to: 'must be on or after from' });
  const limit = input.limit ?? DEFAULT_LIMIT;
  const rows = await deps.store.listBookings({
    window: { start: startOfDay(from, timezone), end: startOfDay(addDays(to, 1), timezone) },
    staffId: staffId.value,
    status: input.status ?? null,
    query: input.q?.trim() || null,
    after,
    limit: limit + 1,
    now,
  });
  const bookings = rows.slice(0, limit);
  const last = bookings.at(-1);
  const more = rows.length > limit && last !== undefined;
  return ok({ bookings, nextCursor: more ? encodeCursor({ start: last.start, id: last.id }) : null });
}

/** The member to filter by: a staff actor is always limited to themselves. */
async function staffFilter(
  store: Pick<Store, 'listStaff'>,
  actor: Actor,
  staff: string | undefined,
): Promise<Result<string | null>> {
  const scope = staffScope(actor);
  if (staff === undefined) return ok(scope);
  const known = scope === null ? (await store.listStaff()).some((m) => m.id === staff) : staff === scope;
  return known ? ok(staff) : refuse('NOT_FOUND', `No staff member ${staff}.`);
}
