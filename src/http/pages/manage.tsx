/**
 * `/manage/<token>`: the client's booking — the confirmation recap after booking or paying, the
 * code form while the email waits to be proven, the payment link while payment is awaited, and
 * what can still be done: add to calendar, change ("n changes left"), cancel (after a question).
 */
import type { Context } from 'hono';
import { allowances, statusAt } from '../../app/allowances.ts';
import { listSeriesOf } from '../../app/cancel-series.ts';
import { bookingDeposit } from '../../app/cancel-terms.ts';
import { getManagedBooking, type ManagedBooking } from '../../app/manage-booking.ts';
import type { Booking } from '../../app/model.ts';
import { clockTime, formatMoney, zoneName } from '../../i18n/format.ts';
import type { AppDeps } from '../deps.ts';
import { type PageContext, pageContext, serviceNameOf } from './context.ts';
import { Layout, page } from './layout.tsx';
import { Span, ZoneName } from './local-time.tsx';
import { PolicyNote } from './policy-lines.tsx';
import { SeriesSection } from './series-manage.tsx';
import { notFoundPage } from './services.tsx';

export interface ManageNotice {
  readonly text: string;
  readonly status: number;
  /** An error (announced assertively) rather than a confirmation. */
  readonly error?: boolean;
}

export async function managePage(c: Context, deps: AppDeps, notice?: ManageNotice) {
  const ctx = await pageContext(c, deps);
  const token = c.req.param('token') ?? '';
  const r = await getManagedBooking(deps, token);
  if (!r.ok) return notFoundPage(c, ctx, ctx.m.manage.notFound);
  const shown = notice ?? fromQuery(ctx, c);
  // SPEC §9.2: an occurrence's page lists its series (series-manage.tsx).
  const occurrences = await listSeriesOf(deps, r.value.booking);
  return c.html(
    page(<ManageView ctx={ctx} token={token} managed={r.value} notice={shown} occurrences={occurrences} />),
    (shown?.status ?? 200) as 200,
  );
}

function fromQuery(ctx: PageContext, c: Context): ManageNotice | undefined {
  const { m } = ctx;
  if (c.req.query('moved') !== undefined) return { text: m.manage.moved, status: 200 };
  const kept = Number(c.req.query('kept') ?? 0);
  if (c.req.query('cancelled') !== undefined && Number.isInteger(kept) && kept > 0 && kept <= 52) {
    return { text: `${m.cancel.done} ${m.manage.seriesKept(kept)}`, status: 200 };
  }
  if (c.req.query('cancelled') !== undefined) return { text: m.cancel.done, status: 200 };
  return undefined;
}

function ManageView(p: {
  ctx: PageContext;
  token: string;
  managed: ManagedBooking;
  notice?: ManageNotice | undefined;
  occurrences?: readonly Booking[];
}) {
  const { ctx, token } = p;
  const { m } = ctx;
  const { booking, service, business } = p.managed;
  const status = statusAt(booking, ctx.now);
  const allowed = allowances(booking, service, business, ctx.now);
  const cur = booking.payment.currency;
  const money = (minor: number) => formatMoney(minor, cur, m.intlLocale);
  const left = allowed.reschedule.limit - allowed.reschedule.count;
  const base = `/manage/${token}`;
  const headline =
    status === 'confirmed'
      ? m.manage.confirmed
      : status === 'awaiting_payment'
        ? m.manage.awaitingPayment
        : status === 'pending_verification'
          ? m.manage.pendingVerification
          : status === 'cancelled'
            ? m.manage.cancelled
            : m.manage.expired;
  const bookingZone = booking.timezone !== ctx.tz;
  return (
    <Layout ctx={ctx} title={m.manage.title(booking.reference)} accent={service?.color ?? null}>
      <h1>{m.manage.title(booking.reference)}</h1>
      {p.notice ? (
        <p
          class={p.notice.error ? 'alert' : 'note'}
          role={p.notice.error ? 'alert' : 'status'}
          tabindex={-1}
          data-focus-on-load
        >
          {p.notice.text}
        </p>
      ) : null}
      <p class={`status status-${status}`} data-confirmed={status === 'confirmed' ? booking.reference : undefined}>
        <strong>{headline}</strong>
        {status === 'confirmed' ? ` ${m.manage.confirmedEmail(booking.client.email)}` : ''}
      </p>
      {status === 'pending_verification' ? (
        <VerifyForm ctx={ctx} base={base} email={booking.client.email} holdUntil={booking.holdUntil} />
      ) : null}
      {status === 'awaiting_payment' && business.paymentUrl && business.paymentSecret ? (
        // Through this server, not a link to the gateway: going there again extends the hold once.
        <form method="post" action={`${base}/pay`}>
          <button type="submit" class="primary">
            {m.manage.payNow(money(booking.payment.amountDue))}
          </button>
        </form>
      ) : null}
      <dl class="facts-list">
        <dt>{m.manage.reference}</dt>
        <dd>{booking.reference}</dd>
        <dt>{m.manage.service}</dt>
        <dd>{serviceNameOf(ctx, booking)}</dd>
        <dt>{m.manage.staff}</dt>
        <dd>{booking.staffName}</dd>
        <dt>{m.manage.when}</dt>
        <dd>
          <Span ctx={ctx} start={booking.start} end={booking.end} /> (<ZoneName ctx={ctx} />)
          {bookingZone ? (
            <small>
              {' '}
              {m.book.businessTime(
                zoneName(booking.timezone),
                clockTime(booking.start, booking.timezone, m.intlLocale),
              )}
            </small>
          ) : null}
        </dd>
        <dt>{m.manage.price}</dt>
        <dd>{booking.price === 0 ? m.services.free : money(booking.price)}</dd>
        {booking.payment.amountPaid > 0 ? (
          <>
            <dt>{m.manage.paid}</dt>
            <dd>{money(booking.payment.amountPaid)}</dd>
          </>
        ) : null}
        {booking.payment.amountPaid > 0 && booking.payment.amountPaid < booking.price ? (
          <>
            <dt>{m.manage.balance}</dt>
            <dd>{money(booking.price - booking.payment.amountPaid)}</dd>
          </>
        ) : null}
        <dt>{m.manage.status}</dt>
        <dd>{m.manage.statuses[status]}</dd>
      </dl>
      {status === 'confirmed' ? (
        <>
          <h2>{m.manage.next}</h2>
          <p>{m.manage.nextConfirmed}</p>
          <ul class="actions-list">
            <li>
              <a href={`/api/v1/manage/${token}/calendar.ics`} download={`${booking.reference}.ics`}>
                {m.manage.addToCalendar}
              </a>
            </li>
            <li>
              {allowed.reschedule.block === null ? (
                <>
                  <a href={`${base}/reschedule`}>{m.manage.reschedule}</a>{' '}
                  <span class="hint">({m.manage.changesLeft(left)})</span>
                </>
              ) : (
                m.manage.noReschedule
              )}
            </li>
            <li>{allowed.cancelAllowed ? <a href={`${base}/cancel`}>{m.manage.cancel}</a> : m.manage.noCancel}</li>
          </ul>
        </>
      ) : null}
      {status === 'confirmed' || status === 'awaiting_payment' || status === 'pending_verification' ? (
        <PolicyNote
          ctx={ctx}
          facts={{
            policy: service?.cancellationPolicy ?? [],
            start: booking.start,
            deposit: bookingDeposit(booking, service),
            currency: cur,
          }}
        />
      ) : null}
      <SeriesSection ctx={ctx} token={token} occurrences={p.occurrences ?? []} service={service} business={business} />
      {status === 'cancelled' || status === 'expired' ? (
        <p>
          <a href={service ? `/book/${service.slug}` : '/'}>{m.manage.bookAgain}</a>
        </p>
      ) : null}
      <p>
        <a href="/my-bookings">{m.myBookings.link}</a>
      </p>
    </Layout>
  );
}

function VerifyForm(p: { ctx: PageContext; base: string; email: string; holdUntil: number | null }) {
  const { m } = p.ctx;
  return (
    <section class="verify" aria-labelledby="verify-title">
      <h2 id="verify-title">{m.verify.title}</h2>
      <p>{m.verify.intro(p.email)}</p>
      {p.holdUntil ? (
        <p class="hint">
          {m.verify.holdUntil(`${clockTime(p.holdUntil, p.ctx.tz, m.intlLocale)} (${zoneName(p.ctx.tz)})`)}
        </p>
      ) : null}
      <form method="post" action={`${p.base}/verify`}>
        <p class="field">
          <label for="code">{m.verify.code}</label>
          <input
            id="code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            maxlength={6}
            required
          />
        </p>
        <p class="actions">
          <button type="submit" class="primary">
            {m.verify.submit}
          </button>
        </p>
      </form>
      <form method="post" action={`${p.base}/resend-code`}>
        <button type="submit" class="secondary">
          {m.verify.resend}
        </button>
      </form>
    </section>
  );
}
