/**
 * Offers a freed start to the waitlist (SPEC §9.3): when time frees (a cancel, a move away, a
 * lapsed hold; migration 018's trigger queues the job in the freeing transaction), a decline or
 * a lapse, the oldest matching entry that has not yet been offered this start gets it, held for
 * `waitlistOfferMinutes`. The start must still be bookable by the member (hours, blocks, calendars,
 * resources, notice, seats); the database refuses an offer over booked time, over a resource
 * someone else holds, and a second live offer of the same start, so concurrent workers make one
 * offer at most. The offer holds the member's time and the service's resources (migration 021).
 */
import {
  checkSlot,
  type FreedStart,
  heldSpan,
  nextWaitlistOffer,
  occupiedSpan,
  offerExpiresAt,
} from '../../core/index.ts';
import { atomically } from '../in-transaction.ts';
import type { FreedStartJob } from '../model.ts';
import { optional } from '../place-booking.ts';
import type { Clock, Store } from '../ports.ts';
import { loadScheduling } from '../scheduling.ts';
import { loadSources } from '../sources.ts';
import { hashToken, newManageToken, sealToken } from '../tokens.ts';
import { offerNotices } from './waitlist-notices.ts';
import type { Offer } from './waitlist-store.ts';

export type OfferStore = Pick<
  Store,
  | 'enqueueJobs'
  | 'findService'
  | 'getBusiness'
  | 'getWaitlistEntry'
  | 'insertWaitlistOffer'
  | 'listBusy'
  | 'listExternalBusy'
  | 'listOfferHolds'
  | 'listOfferedEntries'
  | 'listResourceHolds'
  | 'listSessionSeats'
  | 'listStaffForService'
  | 'listWaitingEntries'
  | 'transaction'
>;

export interface OfferDeps {
  readonly store: OfferStore;
  readonly clock: Clock;
  /** SLOTWISE_SECRET: seals the offer's token for its email job. */
  readonly secret: string;
}

const DAY = 86_400_000;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The offer made, or null when the start is not free, not offerable in time, or nobody wants it. */
export async function offerFreedStart(deps: OfferDeps, freed: FreedStartJob): Promise<Offer | null> {
  return atomically(deps.store, (tx) => offerIn({ ...deps, store: tx }, freed));
}

/** As offerFreedStart, inside the caller's transaction (a decline or a lapse passes the start on in its own). */
export async function offerIn(deps: OfferDeps, freed: FreedStartJob): Promise<Offer | null> {
  const { store } = deps;
  const now = deps.clock.now();
  const loaded = await loadScheduling(store, freed.serviceId, freed.staffId, false);
  if (!loaded.ok) return null;
  const ctx = loaded.value;
  const member = ctx.members[0];
  if (!member) return null;
  const sources = await loadSources(store, ctx, { start: freed.start, end: freed.start + 1 }, now);
  const check = checkSlot({
    staff: member,
    timing: ctx.timing,
    busy: sources.busy.get(member.id) ?? [],
    ...optional('external', sources.external.get(member.id)),
    resources: sources.resources,
    ...optional('holds', sources.holds.get(member.id)),
    now,
    start: freed.start,
    ...(sources.sessions ? { sessions: sources.sessions } : {}),
  });
  if (!check.ok) return null;
  const expiresAt = offerExpiresAt({
    now,
    offerMinutes: ctx.business.waitlistOfferMinutes,
    start: check.slot.start,
    minNoticeMinutes: member.policy.minNoticeMinutes,
  });
  if (expiresAt === null) return null;
  const start: FreedStart = {
    serviceId: ctx.service.id,
    staffId: member.id,
    start: check.slot.start,
    end: check.slot.end,
    seatsFree: check.seatsLeft ?? 1,
  };
  const dates = { from: utcDate(start.start - DAY), to: utcDate(start.start + DAY) };
  const [waiting, passed] = await Promise.all([
    store.listWaitingEntries(ctx.service.id, dates, { withoutLiveOffer: true }),
    store.listOfferedEntries(member.id, start.start),
  ]);
  const chosen = nextWaitlistOffer(waiting, start, passed);
  if (!chosen) return null;
  const token = newManageToken();
  const made = await store.insertWaitlistOffer(
    {
      entryId: chosen.id,
      serviceId: start.serviceId,
      staffId: start.staffId,
      start: start.start,
      end: start.end,
      occupied: occupiedSpan(start.start, start.end, ctx.timing, member.policy.gapMinutes),
      // The room too (migration 021): held over the span its booking would hold, buffers included.
      ...(ctx.service.resourceIds.length > 0
        ? { resources: { ids: ctx.service.resourceIds, held: heldSpan(start.start, start.end, ctx.timing) } }
        : {}),
      seats: chosen.seats,
      expiresAt,
      tokenHash: hashToken(token),
    },
    now,
  );
  if (!made.ok) return null;
  await store.enqueueJobs(offerNotices(made.offer, chosen, sealToken(token, deps.secret)), now);
  return made.offer;
}
