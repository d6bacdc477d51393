/**
 * Under the calendar: the bookings of the last week that have started and are not marked yet,
 * each with its Completed / No-show buttons (SPEC §10.3) — plain forms, so marking from the
 * calendar page needs neither a mouse nor script. Nothing when there is nothing to mark.
 */
import type { Booking } from '../../../app/model.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { when, zoneLabel } from './booking-format.ts';
import { OutcomeCell } from './booking-list-view.tsx';

export function ToMark(p: {
  bookings: readonly Booking[];
  now: number;
  csrf: string;
  timezone: string;
  t: DashboardMessages;
}) {
  if (p.bookings.length === 0) return null;
  const { t } = p;
  const w = t.bookings.calendar.toMark;
  return (
    <section class="panel" aria-labelledby="to-mark-h">
      <h2 id="to-mark-h">{w.title}</h2>
      <p class="hint">{w.hint(zoneLabel(p.timezone))}</p>
      <ul class="to-mark">
        {p.bookings.map((b) => (
          <li>
            <a href={`/admin/bookings/${b.id}`}>
              {when(b.start, b.end, p.timezone, t.common.intlLocale)}: {b.client.name}, {b.serviceName} ({b.staffName})
            </a>
            <OutcomeCell b={b} status="confirmed" now={p.now} csrf={p.csrf} back="/admin" t={t} />
          </li>
        ))}
      </ul>
    </section>
  );
}
