/**
 * The manage page's actions as plain forms (no script needed): enter the emailed code or ask for a
 * new one, change the date and time on the same calendar, cancel after a question. The token in
 * the path is the credential, as for the JSON API. Each answer is a page: the manage page with
 * what happened, or the form again with the reason.
 */
import { type Context, Hono } from 'hono';
import { allowances } from '../../app/allowances.ts';
import { cancelBookingByClient } from '../../app/cancel-booking.ts';
import { listSeriesOf } from '../../app/cancel-series.ts';
import { clientCancel } from '../../app/cancel-terms.ts';
import { getService } from '../../app/list-services.ts';
import { getManagedBooking } from '../../app/manage-booking.ts';
import { rescheduleBookingByClient } from '../../app/reschedule-booking.ts';
import { resendCode } from '../../app/resend-code.ts';
import { sendToGateway } from '../../app/send-to-gateway.ts';
import { occurrenceShare } from '../../app/series-share.ts';
import { verifyEmail } from '../../app/verify-email.ts';
import { dateOf, parseInstant } from '../../core/index.ts';
import { clockTime, formatMoney, span, zoneName } from '../../i18n/format.ts';
import type { AppDeps } from '../deps.ts';
import { STATUS, setRetryAfter } from '../errors.ts';
import { pageContext, serviceNameOf } from './context.ts';
import { readForm } from './form.ts';
import { Layout, page } from './layout.tsx';
import { Span, ZoneName } from './local-time.tsx';
import { managePage } from './manage.tsx';
import { loadPicker } from './picker.ts';
import { PickerView } from './picker-view.tsx';
import { seriesCancelRoute } from './series-manage.tsx';
import { notFoundPage } from './services.tsx';

/**
 * The manage page of a token as it came in the path, encoded again: a token is base64url, but the
 * path may hold anything (a CR LF would make the Location header throw).
 */
const managePath = (token: string) => `/manage/${encodeURIComponent(token)}`;

export function manageActions(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/:token', (c) => managePage(c, deps));

  app.post('/:token/verify', async (c) => {
    const { m } = await pageContext(c, deps);
    const code = (await readForm(c))('code');
    if (!/^\d{6}$/.test(code)) return managePage(c, deps, { text: m.verify.wrong(5), status: 400, error: true });
    const r = await verifyEmail(deps, c.req.param('token'), code);
    if (r.ok && r.value.next.action === 'pay') return c.redirect(r.value.next.url, 303);
    if (r.ok) return c.redirect(`${managePath(c.req.param('token'))}?done=1`, 303);
    const text = r.code === 'CODE_INVALID' ? m.verify.wrong(Number(r.details?.attemptsLeft ?? 0)) : r.message;
    setRetryAfter(c, r);
    return managePage(c, deps, { text, status: STATUS[r.code], error: true });
  });

  app.post('/:token/resend-code', async (c) => {
    const { m } = await pageContext(c, deps);
    const r = await resendCode(deps, c.req.param('token'));
    if (!r.ok) setRetryAfter(c, r);
    return managePage(
      c,
      deps,
      r.ok ? { text: m.verify.resent, status: 200 } : { text: r.message, status: STATUS[r.code], error: true },
    );
  });

  app.post('/:token/pay', async (c) => {
    const r = await sendToGateway(deps, c.req.param('token'));
    if (r.ok) return c.redirect(r.value.url, 303);
    // An unknown token shows the not-found page there; a booking no longer awaiting payment, why.
    return managePage(c, deps, { text: r.message, status: STATUS[r.code], error: true });
  });

  // SPEC §9.2: /reschedule/{bookingId} moves that occurrence of the token's series (its own limit).
  app.get('/:token/reschedule', (c) => reschedulePage(c, deps));
  app.get('/:token/reschedule/:occurrence', (c) => reschedulePage(c, deps));
  app.post('/:token/reschedule', (c) => rescheduleAction(c, deps));
  app.post('/:token/reschedule/:occurrence', (c) => rescheduleAction(c, deps));

  app.get('/:token/cancel', async (c) => {
    const ctx = await pageContext(c, deps);
    const { m } = ctx;
    const r = await getManagedBooking(deps, c.req.param('token'));
    if (!r.ok) return notFoundPage(c, ctx, m.manage.notFound);
    const { booking, service, business } = r.value;
    // What cancelling now means for the money paid (SPEC §10.2), as the cancel would apply it.
    // An occurrence of a series on its share of what the series paid, as the cancel judges it.
    const judged = occurrenceShare(booking, await listSeriesOf(deps, booking));
    const terms = clientCancel(judged, service, business, ctx.now);
    const money = (minor: number) => formatMoney(minor, booking.payment.currency, m.intlLocale);
    const refund = !terms.ok
      ? null
      : terms.refundDue > 0 && terms.amountKept > 0
        ? m.cancel.refundKept(money(terms.refundDue), money(terms.amountKept))
        : terms.refundDue > 0
          ? m.cancel.refund(money(terms.refundDue))
          : terms.amountKept > 0
            ? m.cancel.keptOnly(money(terms.amountKept))
            : null;
    return c.html(
      page(
        <Layout ctx={ctx} title={m.cancel.title}>
          <h1>{m.cancel.title}</h1>
          <p>
            <strong>{serviceNameOf(ctx, booking)}</strong>, {booking.staffName} —{' '}
            <Span ctx={ctx} start={booking.start} end={booking.end} /> (<ZoneName ctx={ctx} />)
          </p>
          {refund ? <p class="note">{refund}</p> : null}
          <form method="post">
            <p class="field">
              <label for="reason">{m.cancel.reason}</label>
              <textarea id="reason" name="reason" rows={2} maxlength={500} />
            </p>
            <p class="actions">
              <button type="submit" class="danger">
                {m.cancel.confirm}
              </button>{' '}
              <a class="button secondary" href={`/manage/${c.req.param('token')}`}>
                {m.cancel.keep}
              </a>
            </p>
          </form>
        </Layout>,
      ),
    );
  });

  app.post('/:token/cancel', async (c) => {
    const reason = (await readForm(c))('reason').slice(0, 500).replaceAll('\u0000', '');
    const token = c.req.param('token');
    const r = await cancelBookingByClient(deps, token, reason);
    if (r.ok) return c.redirect(`${managePath(token)}?cancelled=1`, 303);
    return managePage(c, deps, { text: r.message, status: STATUS[r.code], error: true });
  });

  // SPEC §9.2: cancel one date of a series, or it and every later one.
  seriesCancelRoute(app, deps, (c, text, code) => managePage(c, deps, { text, status: STATUS[code], error: true }));

  return app;
}

/** The occurrence a reschedule path names (SPEC §9.2), or undefined for the token's own booking. */
function occurrenceOf(c: Context): { ok: boolean; id?: string } {
  const id = c.req.param('occurrence');
  if (id === undefined) return { ok: true };
  return /^\d{1,18}$/.test(id) ? { ok: true, id } : { ok: false };
}

/** The path of the reschedule page of the token's booking, or of one occurrence of its series. */
const reschedulePath = (token: string, occurrence: string | undefined) =>
  `${managePath(token)}/reschedule${occurrence ? `/${occurrence}` : ''}`;

async function rescheduleAction(c: Context, deps: AppDeps) {
  const str = await readForm(c);
  const token = c.req.param('token') ?? '';
  const occurrence = occurrenceOf(c);
  const start = parseInstant(str('start'));
  if (start === null || !occurrence.ok) return c.redirect(reschedulePath(token, occurrence.id), 303);
  const staff = /^\d{1,18}$/.test(str('staff')) ? str('staff') : undefined;
  const r = await rescheduleBookingByClient(deps, token, { start, staff, reason: '', bookingId: occurrence.id });
  if (r.ok) return c.redirect(`${managePath(token)}?moved=1`, 303);
  const ctx = await pageContext(c, deps, { tz: str('tz') });
  if (r.code === 'SLOT_UNAVAILABLE') {
    return reschedulePage(c, deps, { notice: ctx.m.book.taken, date: dateOf(start, ctx.tz), tz: ctx.tz });
  }
  return managePage(c, deps, { text: r.message, status: STATUS[r.code], error: true });
}

async function reschedulePage(c: Context, deps: AppDeps, back?: { notice: string; date: string; tz: string }) {
  const ctx = await pageContext(c, deps, back ? { tz: back.tz } : {});
  const { m } = ctx;
  const token = c.req.param('token') ?? '';
  const occurrence = occurrenceOf(c);
  if (!occurrence.ok) return notFoundPage(c, ctx, m.manage.notFound);
  const r = await getManagedBooking(deps, token, occurrence.id);
  if (!r.ok) return notFoundPage(c, ctx, m.manage.notFound);
  const { booking, service, business } = r.value;
  const allowed = allowances(booking, service, business, ctx.now);
  const offer = service ? await getService(deps, service.id, ctx.locale) : null;
  if (!offer?.ok || allowed.reschedule.block !== null)
    return managePage(c, deps, { text: m.manage.noReschedule, status: 409, error: true });
  const data = await loadPicker(deps, ctx, offer.value, {
    staff: business.allowStaffChangeOnReschedule ? (c.req.query('staff') ?? booking.staffId) : booking.staffId,
    date: back?.date ?? c.req.query('date') ?? dateOf(booking.start, ctx.tz),
    month: c.req.query('month'),
    exclude: { staffId: booking.staffId, span: { start: booking.start, end: booking.end } },
  });
  const base = reschedulePath(token, occurrence.id);
  const left = allowed.reschedule.limit - allowed.reschedule.count;
  return c.html(
    page(
      <Layout ctx={ctx} title={m.reschedule.title} accent={offer.value.service.color}>
        <p class="crumbs">
          <a href={`/manage/${token}`}>{m.reschedule.back}</a>
        </p>
        <h1>{m.reschedule.title}</h1>
        <p>
          {m.reschedule.current(`${span(booking.start, booking.end, ctx.tz, m.intlLocale)} (${zoneName(ctx.tz)})`)} —{' '}
          {booking.staffName}. <strong>{m.manage.changesLeft(left)}</strong>
          {booking.timezone !== ctx.tz ? (
            <small> {clockTime(booking.start, booking.timezone, m.intlLocale)}</small>
          ) : null}
        </p>
        <PickerView
          ctx={ctx}
          offer={offer.value}
          data={data}
          basePath={base}
          action={base}
          method="post"
          submitLabel={m.reschedule.submit}
          staffChoice={business.allowStaffChangeOnReschedule}
          anyOption={false}
          notice={back?.notice}
        />
      </Layout>,
    ),
    back ? 409 : 200,
  );
}
