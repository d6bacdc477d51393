/**
 * Offers what a shortened or removed block freed (the `waitlist.freed-span` job, queued by
 * migration 018's trigger in the block's own transaction): for each service the member offers, the
 * free starts in the old span, each passed to offerFreedStart's rule (the oldest matching entry not
 * yet offered it), one transaction per start. A start an offer now holds hides the ones it overlaps.
 */
import { blockSpan, slotsBetween } from '../../core/index.ts';
import type { Store } from '../ports.ts';
import { loadScheduling } from '../scheduling.ts';
import { loadSources } from '../sources.ts';
import { type OfferDeps, type OfferStore, offerFreedStart } from './offer-freed-start.ts';

export interface FreedSpanJob {
  readonly staffId: string;
  /** Local date-times of the block's old span, in the member's zone ("2027-06-16T13:00"). */
  readonly from: string;
  readonly to: string;
}

export async function offerFreedSpan(
  deps: OfferDeps & { readonly store: OfferStore & Pick<Store, 'listStaff'> },
  job: FreedSpanJob,
): Promise<number> {
  const member = (await deps.store.listStaff()).find((m) => m.id === job.staffId);
  if (!member) return 0;
  let offered = 0;
  for (const serviceId of member.serviceIds) {
    const loaded = await loadScheduling(deps.store, serviceId, job.staffId, false);
    if (!loaded.ok) continue;
    const schedule = loaded.value.members[0];
    if (!schedule) continue;
    const span = blockSpan({ from: job.from, to: job.to, note: null }, schedule.timezone);
    if (!span) continue;
    const now = deps.clock.now();
    const sources = await loadSources(deps.store, loaded.value, span, now);
    const slots = slotsBetween(
      { staff: [schedule], timing: loaded.value.timing, ...sources, now },
      span.start,
      span.end,
    );
    for (const slot of slots) {
      if (await offerFreedStart(deps, { serviceId, staffId: job.staffId, start: slot.start, end: slot.end })) offered++;
    }
  }
  return offered;
}
