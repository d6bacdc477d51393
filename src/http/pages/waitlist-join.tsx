/**
 * "Join the waitlist" on a full day (SPEC §9.3): shown under the day's (empty) times when the day
 * has working hours but no free time; posts to `/book/{slug}/waitlist`, which answers with the
 * place in the queue, or the form again with the fields to fix (400). Plain form, no script.
 */
import type { Context } from 'hono';
import { getService, type ServiceOffer } from '../../app/list-services.ts';
import { joinWaitlist } from '../../app/waitlist/join-waitlist.ts';
import type { AppDeps } from '../deps.ts';
import { type PageContext, pageContext } from './context.ts';
import { readForm } from './form.ts';
import { Layout, page } from './layout.tsx';
import { notFoundPage } from './services.tsx';

export interface JoinValues {
  readonly staff: string;
  readonly date: string;
  readonly from: string;
  readonly to: string;
  readonly seats: string;
  readonly name: string;
  readonly email: string;
}

export function JoinForm(p: {
  ctx: PageContext;
  offer: ServiceOffer;
  values: JoinValues;
  errors?: Record<string, string>;
}) {
  const { m } = p.ctx;
  const t = m.waitlist;
  const errors = Object.fromEntries(Object.entries(p.errors ?? {}).map(([k, v]) => [k, said(m, k, v)]));
  const labels: Record<string, string> = { from: t.from, to: t.to, seats: t.seats, name: t.name, email: t.email };
  const field = (name: keyof JoinValues, label: string, type: string, extra: Record<string, unknown> = {}) => (
    <p class="field">
      <label for={`w-${name}`}>{label}</label>
      <input
        id={`w-${name}`}
        name={name}
        type={type}
        value={p.values[name]}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `we-${name}` : undefined}
        {...extra}
      />
      {errors[name] ? (
        <span class="error" id={`we-${name}`}>
          {errors[name]}
        </span>
      ) : null}
    </p>
  );
  const capacity = p.offer.service.capacity ?? 1;
  return (
    <section class="waitlist" aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">{t.joinTitle}</h2>
      <p>{t.joinIntro}</p>
      <form method="post" action={`/book/${p.offer.service.slug}/waitlist`} novalidate>
        {Object.keys(errors).length > 0 ? (
          <p class="alert" role="alert" tabindex={-1} data-focus-on-load>
            {Object.entries(errors)
              .map(([k, v]) => (labels[k] ? `${labels[k]}: ${v}` : v))
              .join(' · ')}
          </p>
        ) : null}
        <input type="hidden" name="staff" value={p.values.staff} />
        <input type="hidden" name="date" value={p.values.date} />
        <input type="hidden" name="tz" value={p.ctx.tz} />
        {field('from', t.from, 'time')}
        {field('to', t.to, 'time')}
        {capacity > 1
          ? field('seats', t.seats, 'number', { min: 1, max: p.offer.service.maxSeatsPerBooking ?? 1 })
          : null}
        {field('name', t.name, 'text', { required: true, autocomplete: 'name', maxlength: 200 })}
        {field('email', t.email, 'email', { required: true, autocomplete: 'email', maxlength: 254 })}
        <p class="actions">
          <button type="submit" class="secondary">
            {t.join}
          </button>
        </p>
      </form>
    </section>
  );
}

/**
 * A refused field in the page's language: the use case words its reasons in English (they also
 * serve the API), so the page says what to do about each field instead.
 */
function said(m: PageContext['m'], field: string, english: string): string {
  if (field === 'name') return english === 'required' ? m.details.required : m.details.tooLong;
  if (field === 'email') return m.details.badEmail;
  if (field === 'from' || field === 'to') return m.waitlist.badTime;
  if (field === 'seats') return m.waitlist.badSeats;
  return m.waitlist.cannotJoin;
}

export async function submitJoin(c: Context, deps: AppDeps) {
  const form = await readForm(c);
  const ctx = await pageContext(c, deps, { tz: form('tz') || undefined });
  const offer = await getService(deps, c.req.param('slug') ?? '', ctx.locale);
  if (!offer.ok) return notFoundPage(c, ctx, ctx.m.book.unknownService);
  const values: JoinValues = {
    staff: form('staff') || 'any',
    date: form('date'),
    from: form('from'),
    to: form('to'),
    seats: form('seats'),
    name: form('name').trim(),
    email: form('email').trim(),
  };
  const missing: Record<string, string> = {};
  if (!values.name) missing.name = 'required';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email) || values.email.length > 254) missing.email = 'an email address';
  const seats = values.seats === '' ? undefined : Number(values.seats);
  const r =
    Object.keys(missing).length > 0
      ? null
      : await joinWaitlist(deps, {
          service: offer.value.service.id,
          staff: values.staff,
          date: values.date,
          from: values.from || null,
          to: values.to || null,
          ...(seats === undefined ? {} : { seats }),
          client: { name: values.name.slice(0, 200), email: values.email, phone: null },
          locale: ctx.locale,
          timezone: ctx.tz,
        });
  const { m } = ctx;
  if (r?.ok) {
    return c.html(
      page(
        <Layout ctx={ctx} title={m.waitlist.title}>
          <h1>{m.waitlist.title}</h1>
          <p role="status">{m.waitlist.joined(r.value.position)}</p>
          <p>
            <a href="/">{m.error.home}</a>
          </p>
        </Layout>,
      ),
      201,
    );
  }
  const fields =
    r && !r.ok ? ((r.details?.fields as Record<string, string> | undefined) ?? { form: r.message }) : missing;
  return c.html(
    page(
      <Layout ctx={ctx} title={m.waitlist.joinTitle}>
        <h1>{m.waitlist.joinTitle}</h1>
        <JoinForm ctx={ctx} offer={offer.value} values={values} errors={fields} />
      </Layout>,
    ),
    400,
  );
}
