/**
 * The forms of a booking's page: notes, move (date and time in the booking's zone; admins also
 * choose the member and may skip notice and horizon) and cancel. Each posts to its own path and
 * comes back here, with what was typed, when refused.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { DashboardBooking } from '../../../app/dashboard/bookings/get-booking.ts';
import { OCCUPYING_STATUSES } from '../../../app/model.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { Input } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { zoneLabel } from './booking-format.ts';
import { termsText } from './booking-rules-view.tsx';

/** What was typed in the move form (or the booking's current values). */
export interface MoveValues {
  readonly date: string;
  readonly time: string;
  readonly staff: string;
  readonly notify: boolean;
  readonly skipRules: boolean;
}

export interface CancelValues {
  readonly reason: string;
  readonly notify: boolean;
  /** Admins: '' = as the policy says, else the refund chosen instead. */
  readonly refund: string;
}

export interface BookingForms {
  readonly managed: DashboardBooking;
  readonly now: number;
  readonly csrf: string;
  readonly isAdmin: boolean;
  /** Admins: the members who offer the booking's service (the move form's choices). */
  readonly staffOptions: readonly { readonly id: string; readonly name: string }[];
  readonly notes: string;
  readonly move: MoveValues;
  readonly cancel: CancelValues;
  readonly errors?: Readonly<Record<string, string>>;
  readonly t: DashboardMessages;
}

export function BookingFormsContent(v: BookingForms) {
  const b = v.managed.booking;
  const status = statusAt(b, v.now);
  const errors = v.errors ?? {};
  const action = (what: string) => `/admin/bookings/${b.id}/${what}`;
  const { t } = v;
  const w = t.bookings.forms;
  return (
    <>
      <section class="panel" aria-labelledby="notes-h">
        <h2 id="notes-h">{w.notes}</h2>
        <form method="post" action={action('notes')}>
          <Csrf token={v.csrf} />
          <p class="field">
            <label for="f-notes">{w.notes}</label>
            <span class="hint" id="h-notes">
              {w.notesHint}
            </span>
            <textarea
              id="f-notes"
              name="notes"
              rows={4}
              maxlength={2000}
              aria-describedby={errors.notes ? 'h-notes e-notes' : 'h-notes'}
              aria-invalid={errors.notes ? 'true' : undefined}
            >
              {v.notes}
            </textarea>
            {errors.notes ? (
              <span class="error" id="e-notes">
                {errors.notes}
              </span>
            ) : null}
          </p>
          <p class="actions">
            <button type="submit" class="primary">
              {w.saveNotes}
            </button>
          </p>
        </form>
      </section>
      {status === 'confirmed' ? (
        <MoveForm {...v} action={action('move')} errors={errors} />
      ) : (
        <section class="panel" aria-labelledby="move-h">
          <h2 id="move-h">{w.move}</h2>
          <p class="muted">{w.onlyConfirmed(t.bookings.statuses[status].toLowerCase())}</p>
        </section>
      )}
      {OCCUPYING_STATUSES.includes(status) ? <CancelForm {...v} action={action('cancel')} errors={errors} /> : null}
    </>
  );
}

function MoveForm(v: BookingForms & { action: string; errors: Readonly<Record<string, string>> }) {
  const m = v.move;
  const zone = v.managed.booking.timezone;
  const w = v.t.bookings.forms;
  return (
    <section class="panel" aria-labelledby="move-h">
      <h2 id="move-h">{w.move}</h2>
      <p class="hint">{w.moveHint(zoneLabel(zone))}</p>
      <form method="post" action={v.action} class="move-form">
        <Csrf token={v.csrf} />
        <div class="field-row">
          <Input name="date" label={w.newDate} type="date" value={m.date} required error={v.errors.date} />
          <Input name="time" label={w.newTime} type="time" value={m.time} required error={v.errors.time} />
        </div>
        {v.isAdmin && v.staffOptions.length > 0 ? (
          <p class="field">
            <label for="f-staff">{w.staffMember}</label>
            <select id="f-staff" name="staff" aria-invalid={v.errors.staff ? 'true' : undefined}>
              {v.staffOptions.map((s) => (
                <option value={s.id} selected={m.staff === s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </p>
        ) : null}
        <p class="check">
          <label>
            <input type="checkbox" name="notify" value="1" checked={m.notify} /> {w.notify}
          </label>
        </p>
        {v.isAdmin ? (
          <p class="check">
            <label>
              <input type="checkbox" name="skipRules" value="1" checked={m.skipRules} /> {w.skipRules}
            </label>
          </p>
        ) : null}
        <p class="actions">
          <button type="submit" class="primary">
            {w.moveBooking}
          </button>
        </p>
      </form>
    </section>
  );
}

function CancelForm(v: BookingForms & { action: string; errors: Readonly<Record<string, string>> }) {
  const c = v.cancel;
  const now = v.managed.cancelNow;
  const cur = v.managed.booking.payment.currency;
  const { t } = v;
  const w = t.bookings.forms;
  return (
    <section class="panel danger-zone" aria-labelledby="cancel-h">
      <h2 id="cancel-h">{w.cancelTitle}</h2>
      <p>{w.cancelWarning}</p>
      <p>
        {w.cancelMeans} <strong>{termsText(now, cur, t)}</strong>.
      </p>
      <form method="post" action={v.action}>
        <Csrf token={v.csrf} />
        {v.isAdmin ? (
          <p class="field">
            <label for="f-refund">{w.refund}</label>
            <span class="hint" id="h-refund">
              {w.refundHint}
            </span>
            <select
              id="f-refund"
              name="refund"
              aria-describedby={v.errors.refund ? 'h-refund e-refund' : 'h-refund'}
              aria-invalid={v.errors.refund ? 'true' : undefined}
            >
              <option value="" selected={c.refund === ''}>
                {w.asPolicy(t.bookings.refunds[now.refund])}
              </option>
              {(['full', 'deposit_kept', 'none'] as const).map((r) => (
                <option value={r} selected={c.refund === r}>
                  {t.bookings.refunds[r]}
                </option>
              ))}
            </select>
            {v.errors.refund ? (
              <span class="error" id="e-refund">
                {v.errors.refund}
              </span>
            ) : null}
          </p>
        ) : null}
        <Input name="reason" label={w.reason} value={c.reason} hint={w.reasonHint} error={v.errors.reason} />
        <p class="check">
          <label>
            <input type="checkbox" name="notify" value="1" checked={c.notify} /> {w.notify}
          </label>
        </p>
        <p class="actions">
          <button type="submit" class="danger">
            {w.cancelBooking(v.managed.booking.reference)}
          </button>
        </p>
      </form>
    </section>
  );
}
