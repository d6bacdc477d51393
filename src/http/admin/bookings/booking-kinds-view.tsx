/**
 * What a booking's page shows of its kind (SPEC §9): the attendees of its group session (the
 * other seats), and the occurrences of its series, each linking to its own page.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { DashboardBooking } from '../../../app/dashboard/bookings/get-booking.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { when } from './booking-format.ts';

export function BookingKindsContent({
  managed,
  now,
  t,
}: {
  managed: DashboardBooking;
  now: number;
  t: DashboardMessages;
}) {
  const b = managed.booking;
  const w = t.bookings.kinds;
  const lc = t.common.intlLocale;
  const seats = (n: number | undefined) => w.seats(n ?? 1);
  const session = (managed.service?.capacity ?? 1) > 1;
  return (
    <>
      {session ? (
        <section class="panel" aria-labelledby="attendees">
          <h2 id="attendees">{w.attendees}</h2>
          <p class="muted">
            {w.thisBooking(b.client.name, seats(b.seats))}{' '}
            {w.taken(
              [b, ...managed.attendees].reduce((n, x) => n + (x.seats ?? 1), 0),
              managed.service?.capacity ?? 1,
            )}
          </p>
          {managed.attendees.length === 0 ? (
            <p>{w.noOther}</p>
          ) : (
            <ul class="attendees">
              {managed.attendees.map((a) => (
                <li>
                  <a href={`/admin/bookings/${a.id}`}>{a.client.name}</a> ({a.client.email}), {seats(a.seats)} —{' '}
                  {t.bookings.statuses[statusAt(a, now)]}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {managed.series.length > 0 ? (
        <section class="panel" aria-labelledby="series">
          <h2 id="series">{w.series}</h2>
          <ol class="series">
            {managed.series.map((o) => (
              <li>
                {o.id === b.id ? (
                  <strong aria-current="page">{when(o.start, o.end, o.timezone, lc)}</strong>
                ) : (
                  <a href={`/admin/bookings/${o.id}`}>{when(o.start, o.end, o.timezone, lc)}</a>
                )}{' '}
                — {t.bookings.statuses[statusAt(o, now)]}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
