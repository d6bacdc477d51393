/**
 * The details form. Errors are listed in an alert summary at the top (linked to their fields) and
 * beside each field (aria-invalid + aria-describedby), so they are announced and easy to reach.
 * The submit buttons follow SPEC §3: Pay and Down payment, Pay only, or Finish.
 */
import type { ServiceOffer } from '../../app/list-services.ts';
import { activeQuestions, formatInstant, type PaymentOption } from '../../core/index.ts';
import { clockTime, formatMoney, zoneName } from '../../i18n/format.ts';
import type { PageContext } from './context.ts';
import { Span, ZoneName } from './local-time.tsx';
import { PolicyNote } from './policy-lines.tsx';
import { type AnswerValues, answerField, QuestionFields, questionLabel } from './question-fields.tsx';
import { RepeatField, type RepeatValues } from './repeat-field.tsx';

export interface FormValues extends RepeatValues {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  readonly notes: string;
  readonly remind: boolean;
  /** Seats of a group session (SPEC §9.1); 1 for any other service. */
  readonly seats: number;
  /** The answers to the service's questions as typed. */
  readonly answers: AnswerValues;
}

type Field = 'name' | 'email' | 'phone' | 'address' | 'notes' | 'seats' | 'repeat';

export interface DetailsFormProps {
  readonly ctx: PageContext;
  readonly offer: ServiceOffer;
  readonly staff: string;
  readonly start: number;
  readonly values: FormValues;
  /** By form field: the client's fields, and `q-<key>` for the answers. */
  readonly errors: Readonly<Record<string, string>>;
  readonly formKey: string;
  /** A note above the form (why fewer buttons are offered). */
  readonly notice?: string | undefined;
  /** Offer only these payment options (the no-show rule, SPEC §10.3); absent = the service's. */
  readonly only?: readonly PaymentOption[] | undefined;
}

export function DetailsForm(p: DetailsFormProps) {
  const { ctx, offer, values, errors } = p;
  const { m } = ctx;
  const s = offer.service;
  const end = p.start + s.durationMinutes * 60_000;
  const money = (minor: number) => formatMoney(minor, offer.currency, m.intlLocale);
  const labels: Record<string, string> = {
    name: m.details.name,
    email: m.details.email,
    phone: m.details.phone,
    address: m.details.address,
    notes: m.details.notes,
    seats: m.details.seats,
    repeat: m.details.repeat,
  };
  for (const q of activeQuestions(s.questions)) labels[answerField(q.key)] = questionLabel(ctx, q);
  const offered = offer.paymentOptions.filter((o) => !p.only || p.only.includes(o));
  const input = (
    name: Exclude<Field, 'seats' | 'repeat'>,
    type: string,
    autocomplete: string,
    required: boolean,
    hint?: string,
  ) => (
    <p class="field">
      <label for={`f-${name}`}>{labels[name]}</label>
      {hint ? (
        <span class="hint" id={`h-${name}`}>
          {hint}
        </span>
      ) : null}
      {name === 'notes' || name === 'address' ? (
        <textarea
          id={`f-${name}`}
          name={name}
          rows={name === 'notes' ? 3 : 2}
          autocomplete={autocomplete}
          aria-invalid={errors[name] ? 'true' : undefined}
          aria-describedby={errors[name] ? `e-${name}` : undefined}
        >
          {values[name]}
        </textarea>
      ) : (
        <input
          id={`f-${name}`}
          name={name}
          type={type}
          value={values[name]}
          autocomplete={autocomplete}
          required={required}
          aria-invalid={errors[name] ? 'true' : undefined}
          aria-describedby={
            [hint ? `h-${name}` : '', errors[name] ? `e-${name}` : ''].filter(Boolean).join(' ') || undefined
          }
        />
      )}
      {errors[name] ? (
        <span class="error" id={`e-${name}`}>
          {errors[name]}
        </span>
      ) : null}
    </p>
  );
  const failed = Object.keys(errors).filter((k) => errors[k] && labels[k]);
  return (
    <form method="post" class="details" novalidate>
      <p class="when">
        <strong>
          <Span ctx={ctx} start={p.start} end={end} />
        </strong>{' '}
        (<ZoneName ctx={ctx} />)
        {ctx.tz !== ctx.business.timezone ? (
          <small class="hint">
            {' '}
            {m.book.businessTime(
              zoneName(ctx.business.timezone),
              clockTime(p.start, ctx.business.timezone, m.intlLocale),
            )}
          </small>
        ) : null}
      </p>
      {p.notice ? (
        <p class="alert" role="alert" tabindex={-1} data-focus-on-load>
          {p.notice}
        </p>
      ) : null}
      {failed.length > 0 ? (
        <div class="alert" role="alert" tabindex={-1} data-focus-on-load>
          <h2>{m.details.errorsTitle}</h2>
          <ul>
            {failed.map((k) => (
              <li>
                <a href={`#f-${k}`}>
                  {labels[k]}: {errors[k]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {(s.maxSeatsPerBooking ?? 1) > 1 ? <SeatsField {...p} label={m.details.seats} hint={money(s.price)} /> : null}
      {s.allowRepeat ? <RepeatField ctx={ctx} values={values} error={errors.repeat} /> : null}
      {input('name', 'text', 'name', true)}
      {input('email', 'email', 'email', true, m.details.emailHint)}
      {input('phone', 'tel', 'tel', false)}
      {input('address', 'text', 'street-address', false)}
      {input('notes', 'text', 'off', false)}
      <QuestionFields ctx={ctx} questions={s.questions} values={values.answers} errors={errors} />
      <p class="check">
        <label>
          <input type="checkbox" name="remind" value="1" checked={values.remind} />{' '}
          {m.details.reminderHours(ctx.business.reminderHours)}
        </label>
      </p>
      <input type="hidden" name="start" value={formatInstant(p.start, ctx.tz)} />
      <input type="hidden" name="staff" value={p.staff} />
      <input type="hidden" name="tz" value={ctx.tz} />
      <input type="hidden" name="key" value={p.formKey} />
      <PolicyNote
        ctx={ctx}
        facts={{ policy: s.cancellationPolicy, start: p.start, deposit: s.deposit, currency: offer.currency }}
      />
      <p class="actions">
        {offered.includes('full') ? (
          <button type="submit" name="payment" value="full" class="primary">
            {m.details.pay(money(s.price))}
          </button>
        ) : null}
        {offered.includes('deposit') ? (
          <button type="submit" name="payment" value="deposit" class="primary alt">
            {m.details.deposit(money(s.deposit))}
          </button>
        ) : null}
        {offered.includes('none') ? (
          <button type="submit" name="payment" value="none" class="primary">
            {m.details.finish}
          </button>
        ) : null}
      </p>
    </form>
  );
}

/** A native select of 1 to maxSeatsPerBooking seats: keyboard-usable as is, its errors announced like the others'. */
function SeatsField(p: DetailsFormProps & { label: string; hint: string }) {
  const { m } = p.ctx;
  const most = p.offer.service.maxSeatsPerBooking ?? 1;
  const error = p.errors.seats;
  return (
    <p class="field">
      <label for="f-seats">{p.label}</label>
      <span class="hint" id="h-seats">
        {m.details.seatsHint(p.hint)}
      </span>
      <select
        id="f-seats"
        name="seats"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'h-seats e-seats' : 'h-seats'}
      >
        {Array.from({ length: most }, (_, i) => (
          <option value={String(i + 1)} selected={p.values.seats === i + 1}>
            {String(i + 1)}
          </option>
        ))}
      </select>
      {error ? (
        <span class="error" id="e-seats">
          {error}
        </span>
      ) : null}
    </p>
  );
}
