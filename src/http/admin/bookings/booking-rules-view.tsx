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
import { Csrf } from '../layout.tsx';
import { LOCALE, money } from './booking-format.ts';

export const REFUND_LABELS: Record<RefundKind, string> = {
  full: 'Full refund',
  deposit_kept: 'Deposit kept',
  none: 'No refund',
  none_online: 'No online cancellation',
};

export const OUTCOME_LABELS = { completed: 'Completed', no_show: 'No-show' } as const;

const WORDS = { yes: 'Yes', no: 'No', intlLocale: LOCALE };

export function AnswersPanel({ managed }: { managed: DashboardBooking }) {
  const { booking: b, service, business } = managed;
  const questions = service?.questions ?? [];
  const open = answerLines(questions, openAnswers(b, service), 'en', business.locale, WORDS);
  const sensitive = managed.sensitiveAnswers
    ? answerLines(questions, managed.sensitiveAnswers, 'en', business.locale, WORDS)
    : [];
  if (open.length === 0 && sensitive.length === 0 && managed.sensitiveAnswers !== null) return null;
  return (
    <section class="panel" aria-labelledby="answers-h">
      <h2 id="answers-h">Answers</h2>
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
              {a.label} <span class="badge sensitive">sensitive</span>
            </dt>
            <dd>{a.value}</dd>
          </>
        ))}
      </dl>
      {sensitive.length > 0 ? (
        <p class="hint">Sensitive answers are stored encrypted and are never emailed or sent to webhooks.</p>
      ) : null}
      {managed.sensitiveAnswers === null ? (
        <p class="alert">
          The sensitive answers cannot be read: they were encrypted under another SLOTWISE_SECRET. Run{' '}
          <code>slotwise reencrypt --from-secret-file …</code> with the old secret (docs/DEPLOY.md, “Changing the
          secret”).
        </p>
      ) : null}
    </section>
  );
}

/** Completed or no-show: shown once the booking has started (SPEC §10.3). */
export function OutcomePanel(p: { managed: DashboardBooking; now: number; csrf: string }) {
  const b = p.managed.booking;
  const status = statusAt(b, p.now);
  if (status !== 'confirmed') return null;
  return (
    <section class="panel" aria-labelledby="outcome-h">
      <h2 id="outcome-h">What happened</h2>
      <p>
        {b.outcome ? (
          <>
            Marked <strong>{OUTCOME_LABELS[b.outcome]}</strong>.
          </>
        ) : (
          'Not marked yet.'
        )}{' '}
        The client has {p.managed.clientNoShows === 1 ? '1 no-show' : `${p.managed.clientNoShows} no-shows`} in all.
      </p>
      {b.start <= p.now ? (
        <form method="post" action={`/admin/bookings/${b.id}/outcome`} class="inline-actions">
          <Csrf token={p.csrf} />
          <button type="submit" name="outcome" value="completed" class="secondary">
            Mark completed
          </button>
          <button type="submit" name="outcome" value="no_show" class="secondary">
            Mark no-show
          </button>
        </form>
      ) : (
        <p class="muted">It can be marked once it has started.</p>
      )}
    </section>
  );
}

/** "Deposit kept: refund €90.00, keep €30.00" for a cancel's terms. */
export function termsText(t: Pick<CancelTerms, 'refund' | 'refundDue' | 'amountKept'>, currency: string): string {
  return `${REFUND_LABELS[t.refund]}: refund ${money(t.refundDue, currency)}, keep ${money(t.amountKept, currency)}`;
}
