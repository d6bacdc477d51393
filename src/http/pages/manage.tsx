/**
 * `/manage/<token>` until the booking pages arrive: where the client lands from the payment
 * gateway or an email — the booking's reference, service, staff, time, status and payment, and
 * the JSON endpoints to reschedule, cancel or add it to a calendar.
 */
import { raw } from 'hono/html';
import { getManagedBooking } from '../../app/manage-booking.ts';
import { toDecimal } from '../../core/index.ts';
import type { AppDeps } from '../deps.ts';
import { presentBooking } from '../presenters.ts';

export async function managePage(
  deps: AppDeps,
  token: string,
  notice = '',
): Promise<{ status: 200 | 404; html: string }> {
  const r = await getManagedBooking(deps, token);
  if (!r.ok) return { status: 404, html: '<!doctype html><title>Not found</title><p>No booking has this link.</p>' };
  const { booking, service, business } = r.value;
  const shown = presentBooking(booking, service, business, deps.clock.now());
  const when = new Intl.DateTimeFormat('en', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: booking.timezone,
  }).format(booking.start);
  const api = `/api/v1/manage/${token}`;
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Booking ${booking.reference} — ${business.name}`}</title>
        <style>{raw('body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}')}</style>
      </head>
      <body>
        <h1>{business.name}</h1>
        <p>
          Booking <strong>{booking.reference}</strong>: {booking.serviceName} with {booking.staffName}, {when} (
          {booking.timezone}).
        </p>
        <p>
          Status: <strong>{shown.status.replace('_', ' ')}</strong>
          {booking.payment.option === 'none'
            ? ''
            : ` — paid ${toDecimal(booking.payment.amountPaid, booking.payment.currency)} of ${toDecimal(
                booking.payment.amountDue,
                booking.payment.currency,
              )} ${booking.payment.currency} due now`}
          .
        </p>
        {notice ? <p role="status">{notice}</p> : null}
        {shown.status === 'pending_verification' ? (
          <>
            <form method="post" action={`/manage/${token}/verify`}>
              <label>
                The 6-digit code we emailed you{' '}
                <input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required />
              </label>{' '}
              <button type="submit">Confirm</button>
            </form>
            <form method="post" action={`/manage/${token}/resend-code`}>
              <button type="submit">Send a new code</button>
            </form>
          </>
        ) : null}
        <p>
          <a href={`${api}/calendar.ics`}>Add to calendar</a> · <a href={api}>This booking as JSON</a> (reschedule and
          cancel: POST {api}/reschedule, {api}/cancel)
        </p>
      </body>
    </html>
  );
  return { status: 200, html: `<!doctype html>${page}` };
}
