/**
 * One booking's page: every fact (client, service, staff, times in the booking's zone, status,
 * payment, reference, notes), its history of moves, its payments ledger, and the forms to change it
 * (booking-forms-view.tsx). A refused form is re-rendered here with the summary at the top.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { DashboardBooking } from '../../../app/dashboard/bookings/get-booking.ts';
import type { LedgerPayment, UnappliedReason } from '../../../app/model.ts';
import { dateOf } from '../../../core/index.ts';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { LOCALE, longWhen, moment, money, STATUS_LABELS, when, zoneLabel } from './booking-format.ts';
import { type BookingForms, BookingFormsContent } from './booking-forms-view.tsx';
import { BookingKindsContent } from './booking-kinds-view.tsx';
import { AnswersPanel, OUTCOME_LABELS, OutcomePanel, termsText } from './booking-rules-view.tsx';

export interface BookingDetailView extends BookingForms {
  readonly managed: DashboardBooking;
  readonly now: number;
  readonly notice?: string | undefined;
  readonly errors?: Readonly<Record<string, string>>;
}

const LABELS = {
  notes: 'Notes',
  date: 'New date',
  time: 'New time',
  staff: 'Staff member',
  reason: 'Reason',
  refund: 'Refund',
};

const PAYMENT_OPTIONS: Record<string, string> = {
  none: 'Paid at the studio',
  full: 'Paid online in full',
  deposit: 'Deposit paid online',
};

export function BookingDetailContent(v: BookingDetailView) {
  const { booking: b, business, history } = v.managed;
  const zone = b.timezone;
  const status = statusAt(b, v.now);
  const cur = b.payment.currency;
  const day = dateOf(b.start, business.timezone);
  return (
    <>
      <p class="crumbs">
        <a href="/admin/bookings">Bookings</a>
      </p>
      <h1>
        {b.serviceName} for {b.client.name}
      </h1>
      <Notice text={v.notice} />
      <ErrorSummary errors={v.errors ?? {}} labels={LABELS} title="The booking was not changed" />
      <p class="actions">
        <a class="button secondary" href={`/admin?date=${day}`}>
          Show in calendar
        </a>
      </p>
      <section class="panel" aria-labelledby="facts">
        <h2 id="facts">Booking {b.reference}</h2>
        <dl class="facts-list booking-facts">
          <dt>Status</dt>
          <dd>
            <span class={`badge status-${status}`}>{STATUS_LABELS[status]}</span>
          </dd>
          <dt>When</dt>
          <dd>
            {when(b.start, b.end, zone)} <span class="muted">({zoneLabel(zone)})</span>
            {zone !== business.timezone ? (
              <>
                <br />
                <span class="muted">
                  {when(b.start, b.end, business.timezone)} in {zoneLabel(business.timezone)}
                </span>
              </>
            ) : null}
          </dd>
          <dt>Service</dt>
          <dd>{b.serviceName}</dd>
          <dt>Staff</dt>
          <dd>{b.staffName}</dd>
          <dt>Client</dt>
          <dd>{b.client.name}</dd>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${b.client.email}`}>{b.client.email}</a>
          </dd>
          <dt>Phone</dt>
          <dd>
            {b.client.phone ? <a href={`tel:${b.client.phone.replace(/[^\d+]/g, '')}`}>{b.client.phone}</a> : '—'}
          </dd>
          <dt>Address</dt>
          <dd>{b.client.address || '—'}</dd>
          <dt>Price</dt>
          <dd>{money(b.price, cur)}</dd>
          <dt>Payment</dt>
          <dd>{PAYMENT_OPTIONS[b.payment.option] ?? b.payment.option}</dd>
          <dt>Paid</dt>
          <dd>{money(b.payment.amountPaid, cur)}</dd>
          <dt>Left to pay</dt>
          <dd>{money(Math.max(0, b.price - b.payment.amountPaid), cur)}</dd>
          <dt>Reference</dt>
          <dd>
            <code>{b.reference}</code>
          </dd>
          <dt>Reminder</dt>
          <dd>{b.wantsReminder ? `Yes, ${business.reminderHours} hours before` : 'No'}</dd>
          <dt>Language</dt>
          <dd>{languageName(b.locale)}</dd>
          <dt>Made</dt>
          <dd>{longWhen(b.createdAt, zone)}</dd>
          <dt>Notes</dt>
          <dd class="notes">{b.notes || '—'}</dd>
          <dt>Client’s no-shows</dt>
          <dd>{v.managed.clientNoShows}</dd>
          {b.outcome ? (
            <>
              <dt>Outcome</dt>
              <dd>{OUTCOME_LABELS[b.outcome]}</dd>
            </>
          ) : null}
          {b.cancellation ? (
            <>
              <dt>Cancelled by</dt>
              <dd>
                {b.cancellation.by === 'client' ? 'The client' : 'Staff'}
                {b.cancellation.overridden ? ' (refund chosen by an admin)' : ''}
              </dd>
              <dt>Refund</dt>
              <dd>
                <strong>{termsText(b.cancellation, cur)}</strong>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <AnswersPanel managed={v.managed} />
      <OutcomePanel managed={v.managed} now={v.now} csrf={v.csrf} />
      <section class="panel" aria-labelledby="history">
        <h2 id="history">History</h2>
        {history.length === 0 ? (
          <p class="muted">Never moved, cancelled or marked.</p>
        ) : (
          <ol class="history">
            {history.map((h) => (
              <li>
                {longWhen(h.at, zone)}:{' '}
                {h.kind === 'cancelled'
                  ? `cancelled${h.refund ? ` — ${termsText({ refund: h.refund.kind, ...h.refund }, cur)}` : ''}`
                  : h.kind === 'outcome'
                    ? `marked ${h.outcome ? OUTCOME_LABELS[h.outcome].toLowerCase() : ''}`
                    : `moved from ${moment(h.fromStart, zone)} (${h.fromStaff.name}) to ${moment(h.toStart, zone)} (${h.toStaff.name})`}
                {h.reason ? ` — ${h.reason}` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
      <BookingKindsContent managed={v.managed} now={v.now} />
      <PaymentsPanel payments={v.managed.payments} zone={zone} />
      <BookingFormsContent {...v} />
    </>
  );
}

function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames([LOCALE], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

const REASONS: Record<UnappliedReason, string> = {
  amount_mismatch: 'not the amount due',
  hold_expired: 'arrived after the hold ran out',
  booking_cancelled: 'the booking was cancelled',
  already_paid: 'the booking was already paid',
  not_awaiting_payment: 'the booking was not waiting for a payment',
};

/** The gateway's callbacks for this booking; one not applied is money the owner must give back or use. */
function PaymentsPanel({ payments, zone }: { payments: readonly LedgerPayment[]; zone: string }) {
  return (
    <section class="panel" aria-labelledby="payments">
      <h2 id="payments">Payments</h2>
      {payments.length === 0 ? (
        <p class="muted">No payment reported by the gateway.</p>
      ) : (
        <table class="payments">
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Transaction</th>
              <th scope="col">Amount</th>
              <th scope="col">Result</th>
              <th scope="col">Applied</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr>
                <td>{longWhen(p.receivedAt, zone)}</td>
                <td>
                  <code>{p.transactionId}</code>
                </td>
                <td>{`${p.amount} ${p.currency}`}</td>
                <td>{p.status}</td>
                <td>{p.applied ? 'yes' : <strong>{`not applied: ${p.reason ? REASONS[p.reason] : ''}`}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
