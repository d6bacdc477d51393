/** The waitlist of a day as the admin API answers it (and the page lists it). */
import type { WaitlistGroup } from '../../../app/dashboard/waitlist/list-waitlist.ts';
import { formatInstant } from '../../../core/index.ts';

const hhmm = (m: number | null) =>
  m === null ? null : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function presentGroups(groups: readonly WaitlistGroup[], timezone: string) {
  return groups.map((g) => ({
    service: g.service,
    entries: g.entries.map((e) => ({
      id: e.id,
      staffId: e.staffId,
      date: e.date,
      from: hhmm(e.from),
      to: hhmm(e.to),
      seats: e.seats,
      client: e.client,
      status: e.status,
      joinedAt: formatInstant(e.createdAt, timezone),
      offeredStart: e.offeredStart === null ? null : formatInstant(e.offeredStart, timezone),
    })),
  }));
}
