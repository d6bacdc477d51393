/**
 * "New booking" for a client on the phone, in two steps that work without script: a GET form
 * choosing service, staff and date (admins may also choose to skip notice and horizon), then the
 * day's free times as radio buttons — or, when skipping, a free time input — with the client's
 * details, posted to create the booking. Times are in the business zone.
 */
import type { Slot } from '../../../core/index.ts';
import { formatInstant } from '../../../core/index.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { longDate } from '../../../i18n/format.ts';
import { ErrorSummary, Input } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { clock, zoneLabel } from './booking-format.ts';
import { RepeatFields, type RepeatValues } from './booking-repeat-field.tsx';

export interface NewValues extends RepeatValues {
  readonly service: string;
  readonly staff: string;
  readonly date: string;
  readonly skip: boolean;
  readonly start: string;
  readonly time: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  readonly notes: string;
  readonly reminder: boolean;
  readonly notify: boolean;
}

export interface NewBookingView {
  readonly csrf: string;
  readonly isAdmin: boolean;
  readonly values: NewValues;
  readonly services: readonly { readonly id: string; readonly name: string }[];
  /** Admins: active members; staff: only themselves. */
  readonly staff: readonly { readonly id: string; readonly name: string }[];
  readonly timezone: string;
  /** The chosen day's free times; null until service and date are chosen (step 1). */
  readonly slots: readonly Slot[] | null;
  readonly errors?: Readonly<Record<string, string>>;
  readonly t: DashboardMessages;
}

export function NewBookingContent(v: NewBookingView) {
  const errors = v.errors ?? {};
  const { t } = v;
  const w = t.bookings.new;
  const f = t.bookings.new.fields;
  // The summary names each field as its form does ('start' is the list of free times).
  const labels = {
    service: f.service,
    staff: f.staff,
    date: f.date,
    start: f.start,
    time: f.time,
    name: f.name,
    email: f.email,
    phone: f.phone,
    address: f.address,
    notes: f.notes,
  };
  return (
    <>
      <p class="crumbs">
        <a href="/admin/bookings">{t.bookings.title}</a>
      </p>
      <h1>{w.title}</h1>
      <ErrorSummary errors={errors} labels={labels} title={w.notMade} />
      <ChooseForm {...v} errors={errors} />
      {v.slots ? <DetailsForm {...v} slots={v.slots} errors={errors} /> : null}
    </>
  );
}

function ChooseForm(v: NewBookingView & { errors: Readonly<Record<string, string>> }) {
  const val = v.values;
  const only = v.isAdmin ? null : v.staff[0];
  const w = v.t.bookings.new;
  const f = v.t.bookings.new.fields;
  return (
    <form method="get" action="/admin/bookings/new" class="panel" aria-labelledby="step1">
      <h2 id="step1">{w.step1}</h2>
      <p class="field">
        <label for="f-service">{f.service}</label>
        <select id="f-service" name="service" required aria-invalid={v.errors.service ? 'true' : undefined}>
          <option value="">{w.chooseService}</option>
          {v.services.map((s) => (
            <option value={s.id} selected={val.service === s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </p>
      {only ? (
        <p>
          {w.with} <strong>{only.name}</strong> {w.you}
          <input type="hidden" name="staff" value={only.id} />
        </p>
      ) : (
        <p class="field">
          <label for="f-staff">{f.staff}</label>
          <select id="f-staff" name="staff" aria-invalid={v.errors.staff ? 'true' : undefined}>
            <option value="any">{w.anyone}</option>
            {v.staff.map((s) => (
              <option value={s.id} selected={val.staff === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </p>
      )}
      <Input name="date" label={f.date} type="date" value={val.date} required error={v.errors.date} />
      {v.isAdmin ? (
        <p class="check">
          <label>
            <input type="checkbox" name="skip" value="1" checked={val.skip} /> {w.skip}
          </label>
        </p>
      ) : null}
      <p class="actions">
        <button type="submit" class="secondary">
          {val.skip ? w.next : w.showTimes}
        </button>
      </p>
    </form>
  );
}

function DetailsForm(v: NewBookingView & { slots: readonly Slot[]; errors: Readonly<Record<string, string>> }) {
  const val = v.values;
  const names = new Map(v.staff.map((s) => [s.id, s.name]));
  const { t } = v;
  const w = t.bookings.new;
  const f = v.t.bookings.new.fields;
  const lc = t.common.intlLocale;
  const day = longDate(val.date, lc);
  return (
    <form method="post" action="/admin/bookings/new" class="panel" aria-labelledby="step2" novalidate>
      <h2 id="step2">{w.step2}</h2>
      <Csrf token={v.csrf} />
      <input type="hidden" name="service" value={val.service} />
      <input type="hidden" name="staff" value={val.staff} />
      <input type="hidden" name="date" value={val.date} />
      {val.skip ? (
        <>
          <input type="hidden" name="skipRules" value="1" />
          <Input
            name="time"
            label={f.time}
            type="time"
            value={val.time}
            required
            hint={w.skipHint(day, zoneLabel(v.timezone))}
            error={v.errors.time}
          />
        </>
      ) : v.slots.length === 0 ? (
        <p class="alert" id="f-start">
          {w.noFreeTime(day)}
        </p>
      ) : (
        <fieldset class="times" aria-describedby={v.errors.start ? 'e-start' : undefined}>
          <legend id="f-start" tabindex={-1}>
            {w.freeTimes(day, zoneLabel(v.timezone))}
          </legend>
          {v.errors.start ? (
            <p class="error" id="e-start">
              {v.errors.start}
            </p>
          ) : null}
          <div class="slots">
            {v.slots.map((s) => {
              const iso = formatInstant(s.start, v.timezone);
              const who = val.staff === 'any' ? s.staff.map((id) => names.get(id) ?? id).join(', ') : '';
              return (
                <label class="slot">
                  <input type="radio" name="start" value={iso} checked={val.start === iso} required />
                  <span>
                    {clock(s.start, v.timezone, lc)}
                    {who ? <small>{who}</small> : null}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
      <h3>{w.client}</h3>
      <Input name="name" label={f.name} value={val.name} required autocomplete="off" error={v.errors.name} />
      <Input name="email" label={f.email} type="email" value={val.email} required error={v.errors.email} />
      <Input name="phone" label={f.phone} type="tel" value={val.phone} error={v.errors.phone} />
      <Input name="address" label={f.address} value={val.address} error={v.errors.address} />
      <RepeatFields values={val} error={v.errors.repeat} t={t} />
      <p class="field">
        <label for="f-notes">{f.notes}</label>
        <textarea id="f-notes" name="notes" rows={3} maxlength={2000}>
          {val.notes}
        </textarea>
      </p>
      <p class="check">
        <label>
          <input type="checkbox" name="reminder" value="1" checked={val.reminder} /> {w.reminder}
        </label>
      </p>
      <p class="check">
        <label>
          <input type="checkbox" name="notify" value="1" checked={val.notify} /> {w.confirmation}
        </label>
      </p>
      <p class="actions">
        <button type="submit" class="primary">
          {w.make}
        </button>
      </p>
    </form>
  );
}
