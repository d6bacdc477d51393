/**
 * The forms of a booking's page: notes, move (date and time in the booking's zone; admins also
 * choose the member and may skip notice and horizon) and cancel. Each posts to its own path and
 * comes back here, with what was typed, when refused.
 */
import { statusAt } from '../../../app/allowances.ts';
import type { DashboardBooking } from '../../../app/dashboard/bookings/get-booking.ts';
import { OCCUPYING_STATUSES } from '../../../app/model.ts';
import { Input } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { STATUS_LABELS, zoneLabel } from './booking-format.ts';
import { REFUND_LABELS, termsText } from './booking-rules-view.tsx';

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
}

export function BookingFormsContent(v: BookingForms) {
  const b = v.managed.booking;
  const status = statusAt(b, v.now);
  const errors = v.errors ?? {};
  const action = (what: string) => `/admin/bookings/${b.id}/${what}`;
  return (
    <>
      <section class="panel" aria-labelledby="notes-h">
        <h2 id="notes-h">Notes</h2>
        <form method="post" action={action('notes')}>
          <Csrf token={v.csrf} />
          <p class="field">
            <label for="f-notes">Notes</label>
            <span class="hint" id="h-notes">
              Seen by staff; the client sees what they wrote when booking.
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
              Save notes
            </button>
          </p>
        </form>
      </section>
      {status === 'confirmed' ? (
        <MoveForm {...v} action={action('move')} errors={errors} />
      ) : (
        <section class="panel" aria-labelledby="move-h">
          <h2 id="move-h">Move</h2>
          <p class="muted">Only a confirmed booking can be moved; this one is {STATUS_LABELS[status].toLowerCase()}.</p>
        </section>
      )}
      {OCCUPYING_STATUSES.includes(status) ? <CancelForm {...v} action={action('cancel')} errors={errors} /> : null}
    </>
  );
}

function MoveForm(v: BookingForms & { action: string; errors: Readonly<Record<string, string>> }) {
  const m = v.move;
  const zone = v.managed.booking.timezone;
  return (
    <section class="panel" aria-labelledby="move-h">
      <h2 id="move-h">Move</h2>
      <p class="hint">
        Same rules as a client’s booking: a free time of the staff member’s working hours. Date and time in{' '}
        {zoneLabel(zone)}.
      </p>
      <form method="post" action={v.action} class="move-form">
        <Csrf token={v.csrf} />
        <div class="field-row">
          <Input name="date" label="New date" type="date" value={m.date} required error={v.errors.date} />
          <Input name="time" label="New time" type="time" value={m.time} required error={v.errors.time} />
        </div>
        {v.isAdmin && v.staffOptions.length > 0 ? (
          <p class="field">
            <label for="f-staff">Staff member</label>
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
            <input type="checkbox" name="notify" value="1" checked={m.notify} /> Notify the client by email
          </label>
        </p>
        {v.isAdmin ? (
          <p class="check">
            <label>
              <input type="checkbox" name="skipRules" value="1" checked={m.skipRules} /> Skip notice and horizon (never
              an overlap)
            </label>
          </p>
        ) : null}
        <p class="actions">
          <button type="submit" class="primary">
            Move booking
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
  return (
    <section class="panel danger-zone" aria-labelledby="cancel-h">
      <h2 id="cancel-h">Cancel this booking</h2>
      <p>The time becomes free at once. This cannot be undone.</p>
      <p>
        By the service’s cancellation policy, a cancel now means: <strong>{termsText(now, cur)}</strong>.
      </p>
      <form method="post" action={v.action}>
        <Csrf token={v.csrf} />
        {v.isAdmin ? (
          <p class="field">
            <label for="f-refund">Refund</label>
            <span class="hint" id="h-refund">
              Choose another refund than the policy’s only with a reason.
            </span>
            <select
              id="f-refund"
              name="refund"
              aria-describedby={v.errors.refund ? 'h-refund e-refund' : 'h-refund'}
              aria-invalid={v.errors.refund ? 'true' : undefined}
            >
              <option value="" selected={c.refund === ''}>
                As the policy says ({REFUND_LABELS[now.refund]})
              </option>
              {(['full', 'deposit_kept', 'none'] as const).map((r) => (
                <option value={r} selected={c.refund === r}>
                  {REFUND_LABELS[r]}
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
        <Input
          name="reason"
          label="Reason (optional; required when you choose the refund)"
          value={c.reason}
          hint="Included in the email to the client."
          error={v.errors.reason}
        />
        <p class="check">
          <label>
            <input type="checkbox" name="notify" value="1" checked={c.notify} /> Notify the client by email
          </label>
        </p>
        <p class="actions">
          <button type="submit" class="danger">
            Cancel booking {v.managed.booking.reference}
          </button>
        </p>
      </form>
    </section>
  );
}
