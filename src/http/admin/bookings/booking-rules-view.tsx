/**
 * The parts of a booking's page that come from the business rules (SPEC §10): its answers (the
 * sensitive ones marked, shown here only — the page is the admin's or the booking's own staff
 * member's), what became of it (completed or no-show, with the buttons to mark it) and what a
 * cancel refunds.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { DashboardBooking } from '../../../app/dashboard/bookings/get-booking.ts';
import type { CancelTerms } from '../../../app/model.ts';
import { openAnswers } from '../../../app/presenters/booking.ts';
import type { RefundKind } from '../../../core/index.ts';
import { answerLines } from '../../../i18n/answers.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { Csrf } from '../layout.tsx';
import { money } from './booking-format.ts';

export function AnswersPanel({ managed, t }: { managed: DashboardBooking; t: DashboardMessages }) {
  const { booking: b, service, business } = managed;
  const w = t.bookings.rules;
  const words = { yes: w.yes, no: w.no, intlLocale: t.common.intlLocale };
  const questions = service?.questions ?? [];
  const lang = t.common.lang;
  const open = answerLines(questions, openAnswers(b, service), lang, business.locale, words);
  const sensitive = managed.sensitiveAnswers
    ? answerLines(questions, managed.sensitiveAnswers, lang, business.locale, words)
    : [];
  if (open.length === 0 && sensitive.length === 0 && managed.sensitiveAnswers !== null) return null;
  return (
    <section class="panel" aria-labelledby="answers-h">
      <h2 id="answers-h">{w.answers}</h2>
      <dl class="facts-list answers">
        {open.map((a) => (
          <>
            <dt>{a.label}</dt>
            <dd>{a.value}</dd>
          </>
        ))}
        {sensitive.map((a) => (
          <>
            <dt>
              {a.label} <span class="badge sensitive">{w.sensitive}</span>
            </dt>
            <dd>{a.value}</dd>
          </>
        ))}
      </dl>
      {sensitive.length > 0 ? <p class="hint">{w.sensitiveHint}</p> : null}
      {managed.sensitiveAnswers === null ? (
        <p class="alert">
          {w.unreadable} <code>slotwise reencrypt --from-secret-file …</code> {w.unreadableEnd}
        </p>
      ) : null}
    </section>
  );
}

/** Completed or no-show: shown once the booking has started (SPEC §10.3). */
export function OutcomePanel(p: { managed: DashboardBooking; now: number; csrf: string; t: DashboardMessages }) {
  const b = p.managed.booking;
  const { t } = p;
  const w = t.bookings.rules;
  const status = statusAt(b, p.now);
  if (status !== 'confirmed') return null;
  return (
    <section class="panel" aria-labelledby="outcome-h">
      <h2 id="outcome-h">{w.whatHappened}</h2>
      <p>
        {b.outcome ? (
          <>
            {w.marked} <strong>{t.bookings.outcomes[b.outcome]}</strong>.
          </>
        ) : (
          w.notMarked
        )}{' '}
        {w.noShows(p.managed.clientNoShows)}
      </p>
      {b.start <= p.now ? (
        <form method="post" action={`/admin/bookings/${b.id}/outcome`} class="inline-actions">
          <Csrf token={p.csrf} />
          <button type="submit" name="outcome" value="completed" class="secondary">
            {w.markCompleted}
          </button>
          <button type="submit" name="outcome" value="no_show" class="secondary">
            {w.markNoShow}
          </button>
        </form>
      ) : (
        <p class="muted">{w.notStarted}</p>
      )}
    </section>
  );
}

/** "Deposit kept: refund €90.00, keep €30.00" for a cancel's terms. */
export function termsText(
  terms: Pick<CancelTerms, 'refund' | 'refundDue' | 'amountKept'>,
  currency: string,
  t: DashboardMessages,
): string {
  const lc = t.common.intlLocale;
  const kind: RefundKind = terms.refund;
  return t.bookings.terms(
    t.bookings.refunds[kind],
    money(terms.refundDue, currency, lc),
    money(terms.amountKept, currency, lc),
  );
}
