/**
 * One booking's page: every fact (client, service, staff, times in the booking's zone, status,
 * payment, reference, notes), its history of moves, its payments ledger, and the forms to change it
 * (booking-forms-view.tsx). A refused form is re-rendered here with the summary at the top.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { DashboardBooking } from '../../../app/dashboard/bookings/get-booking.ts';
import type { LedgerPayment, UnappliedReason } from '../../../app/model.ts';
import { dateOf } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { own } from '../language.ts';
import { longWhen, moment, money, when, zoneLabel } from './booking-format.ts';
import { type BookingForms, BookingFormsContent } from './booking-forms-view.tsx';
import { BookingKindsContent } from './booking-kinds-view.tsx';
import { AnswersPanel, OutcomePanel, termsText } from './booking-rules-view.tsx';

export interface BookingDetailView extends BookingForms {
  readonly managed: DashboardBooking;
  readonly now: number;
  readonly notice?: string | undefined;
  readonly errors?: Readonly<Record<string, string>>;
  readonly t: DashboardMessages;
}

export function BookingDetailContent(v: BookingDetailView) {
  const { booking: b, business, history } = v.managed;
  const zone = b.timezone;
  const status = statusAt(b, v.now);
  const cur = b.payment.currency;
  const day = dateOf(b.start, business.timezone);
  const { t } = v;
  const lc = t.common.intlLocale;
  const w = t.bookings.detail;
  const l = t.bookings.detail.labels;
  const fl = t.bookings.detail.fields;
  const labels = {
    notes: fl.notes,
    date: fl.date,
    time: fl.time,
    staff: fl.staff,
    reason: fl.reason,
    refund: fl.refund,
  };
  const option = b.payment.option;
  return (
    <>
      <p class="crumbs">
        <a href="/admin/bookings">{t.bookings.title}</a>
      </p>
      <h1>{w.heading(b.serviceName, b.client.name)}</h1>
      <Notice text={v.notice} />
      <ErrorSummary errors={v.errors ?? {}} labels={labels} title={w.notChanged} />
      <p class="actions">
        <a class="button secondary" href={`/admin?date=${day}`}>
          {w.showInCalendar}
        </a>
      </p>
      <section class="panel" aria-labelledby="facts">
        <h2 id="facts">{w.facts(b.reference)}</h2>
        <dl class="facts-list booking-facts">
          <dt>{l.status}</dt>
          <dd>
            <span class={`badge status-${status}`}>{t.bookings.statuses[status]}</span>
          </dd>
          <dt>{l.when}</dt>
          <dd>
            {when(b.start, b.end, zone, lc)} <span class="muted">({zoneLabel(zone)})</span>
            {zone !== business.timezone ? (
              <>
                <br />
                <span class="muted">
                  {w.inZone(when(b.start, b.end, business.timezone, lc), zoneLabel(business.timezone))}
                </span>
              </>
            ) : null}
          </dd>
          <dt>{l.service}</dt>
          <dd>{b.serviceName}</dd>
          <dt>{l.staff}</dt>
          <dd>{b.staffName}</dd>
          <dt>{l.client}</dt>
          <dd>{b.client.name}</dd>
          <dt>{l.email}</dt>
          <dd>
            <a href={`mailto:${b.client.email}`}>{b.client.email}</a>
          </dd>
          <dt>{l.phone}</dt>
          <dd>
            {b.client.phone ? <a href={`tel:${b.client.phone.replace(/[^\d+]/g, '')}`}>{b.client.phone}</a> : '—'}
          </dd>
          <dt>{l.address}</dt>
          <dd>{b.client.address || '—'}</dd>
          <dt>{l.price}</dt>
          <dd>{money(b.price, cur, lc)}</dd>
          <dt>{l.payment}</dt>
          <dd>{own(w.paymentOptions, option) ? w.paymentOptions[option] : option}</dd>
          <dt>{l.paid}</dt>
          <dd>{money(b.payment.amountPaid, cur, lc)}</dd>
          <dt>{l.leftToPay}</dt>
          <dd>{money(Math.max(0, b.price - b.payment.amountPaid), cur, lc)}</dd>
          <dt>{l.reference}</dt>
          <dd>
            <code>{b.reference}</code>
          </dd>
          <dt>{l.reminder}</dt>
          <dd>{b.wantsReminder ? w.reminderYes(business.reminderHours) : w.no}</dd>
          <dt>{l.language}</dt>
          <dd>{languageName(b.locale, lc)}</dd>
          <dt>{l.made}</dt>
          <dd>{longWhen(b.createdAt, zone, lc)}</dd>
          <dt>{l.notes}</dt>
          <dd class="notes">{b.notes || '—'}</dd>
          <dt>{l.noShows}</dt>
          <dd>{v.managed.clientNoShows}</dd>
          {b.outcome ? (
            <>
              <dt>{l.outcome}</dt>
              <dd>{t.bookings.outcomes[b.outcome]}</dd>
            </>
          ) : null}
          {b.cancellation ? (
            <>
              <dt>{l.cancelledBy}</dt>
              <dd>
                {b.cancellation.by === 'client' ? w.byClient : w.byStaff}
                {b.cancellation.overridden ? w.overridden : ''}
              </dd>
              <dt>{l.refund}</dt>
              <dd>
                <strong>{termsText(b.cancellation, cur, t)}</strong>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <AnswersPanel managed={v.managed} t={t} />
      <OutcomePanel managed={v.managed} now={v.now} csrf={v.csrf} t={t} />
      <section class="panel" aria-labelledby="history">
        <h2 id="history">{w.history}</h2>
        {history.length === 0 ? (
          <p class="muted">{w.neverChanged}</p>
        ) : (
          <ol class="history">
            {history.map((h) => (
              <li>
                {longWhen(h.at, zone, lc)}:{' '}
                {h.kind === 'cancelled'
                  ? `${w.cancelled}${h.refund ? ` — ${termsText({ refund: h.refund.kind, ...h.refund }, cur, t)}` : ''}`
                  : h.kind === 'outcome'
                    ? w.marked(h.outcome ? t.bookings.outcomesInline[h.outcome] : '')
                    : w.moved(
                        moment(h.fromStart, zone, lc),
                        h.fromStaff.name,
                        moment(h.toStart, zone, lc),
                        h.toStaff.name,
                      )}
                {h.reason ? ` — ${h.reason}` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
      <BookingKindsContent managed={v.managed} now={v.now} t={t} />
      <PaymentsPanel payments={v.managed.payments} zone={zone} t={t} />
      <BookingFormsContent {...v} />
    </>
  );
}

function languageName(locale: string, intlLocale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** The gateway's callbacks for this booking; one not applied is money the owner must give back or use. */
function PaymentsPanel({
  payments,
  zone,
  t,
}: {
  payments: readonly LedgerPayment[];
  zone: string;
  t: DashboardMessages;
}) {
  const w = t.bookings.detail;
  const cols = t.bookings.detail.paymentColumns;
  const reason = (r: UnappliedReason | null | undefined) => (r ? t.bookings.detail.unapplied[r] : '');
  return (
    <section class="panel" aria-labelledby="payments">
      <h2 id="payments">{w.payments}</h2>
      {payments.length === 0 ? (
        <p class="muted">{w.noPayments}</p>
      ) : (
        <table class="payments">
          <thead>
            <tr>
              <th scope="col">{cols.received}</th>
              <th scope="col">{cols.transaction}</th>
              <th scope="col">{cols.amount}</th>
              <th scope="col">{cols.result}</th>
              <th scope="col">{cols.applied}</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr>
                <td>{longWhen(p.receivedAt, zone, t.common.intlLocale)}</td>
                <td>
                  <code>{p.transactionId}</code>
                </td>
                <td>{`${p.amount} ${p.currency}`}</td>
                <td>{p.status}</td>
                <td>{p.applied ? w.yes : <strong>{w.notApplied(reason(p.reason))}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
