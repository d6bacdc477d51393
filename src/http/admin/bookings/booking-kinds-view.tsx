/**
 * What a booking's page shows of its kind (SPEC §9): the attendees of its group session (the
 * other seats), and the occurrences of its series, each linking to its own page.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { DashboardBooking } from '../../../app/dashboard/bookings/get-booking.ts';
import { STATUS_LABELS, when } from './booking-format.ts';

export function BookingKindsContent({ managed, now }: { managed: DashboardBooking; now: number }) {
  const b = managed.booking;
  const seats = (n: number | undefined) => ((n ?? 1) === 1 ? '1 seat' : `${n} seats`);
  const session = (managed.service?.capacity ?? 1) > 1;
  return (
    <>
      {session ? (
        <section class="panel" aria-labelledby="attendees">
          <h2 id="attendees">Attendees of this session</h2>
          <p class="muted">
            This booking: {b.client.name}, {seats(b.seats)}. Taken:{' '}
            {[b, ...managed.attendees].reduce((n, x) => n + (x.seats ?? 1), 0)} of {managed.service?.capacity} seats.
          </p>
          {managed.attendees.length === 0 ? (
            <p>No other attendee yet.</p>
          ) : (
            <ul class="attendees">
              {managed.attendees.map((a) => (
                <li>
                  <a href={`/admin/bookings/${a.id}`}>{a.client.name}</a> ({a.client.email}), {seats(a.seats)} —{' '}
                  {STATUS_LABELS[statusAt(a, now)]}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {managed.series.length > 0 ? (
        <section class="panel" aria-labelledby="series">
          <h2 id="series">Occurrences of this series</h2>
          <ol class="series">
            {managed.series.map((o) => (
              <li>
                {o.id === b.id ? (
                  <strong aria-current="page">{when(o.start, o.end, o.timezone)}</strong>
                ) : (
                  <a href={`/admin/bookings/${o.id}`}>{when(o.start, o.end, o.timezone)}</a>
                )}{' '}
                — {STATUS_LABELS[statusAt(o, now)]}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
