/**
 * `/book/<slug>/details`: the client's details and the buttons of SPEC §3's rule (Pay and Down
 * payment, Pay only, or Finish). Posting books through the same use case as the API, with an
 * idempotency key made when the form was shown, so a double submit books once. Afterwards:
 * the code page, the payment gateway, or the confirmation; a time taken meanwhile sends the client
 * back to the calendar with a plain message; mistakes in the form are shown beside the fields.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { z } from 'zod';
import { createBooking } from '../../app/create-booking.ts';
import { createSeries } from '../../app/create-series.ts';
import { getService, type ServiceOffer } from '../../app/list-services.ts';
import { dateOf, type PaymentOption, parseInstant } from '../../core/index.ts';
import { bookingBody, bookingInput } from '../booking-body.ts';
import type { AppDeps } from '../deps.ts';
import { fieldsOf } from '../validation.ts';
import { answerErrors, readAnswers } from './answer-errors.ts';
import { bookPage } from './book.tsx';
import { type PageContext, pageContext } from './context.ts';
import { DetailsForm, type FormValues } from './details-form.tsx';
import { readFormLists } from './form.ts';
import { Layout, page } from './layout.tsx';
import { Recap } from './recap.tsx';
import { type RepeatValues, repeatFromForm, seriesConflictText } from './repeat-field.tsx';
import { notFoundPage } from './services.tsx';

/** Errors by form field: the client's fields, and `q-<key>` for the answers. */
type Errors = Readonly<Record<string, string>>;

/** What the form offers besides its fields: a note at the top, and fewer payment buttons. */
interface FormExtras {
  readonly notice?: string;
  readonly only?: readonly PaymentOption[];
}

export async function detailsPage(c: Context, deps: AppDeps) {
  const ctx = await pageContext(c, deps);
  const offer = await getService(deps, c.req.param('slug') ?? '', ctx.locale);
  const start = parseInstant(c.req.query('start') ?? '');
  if (!offer.ok) return notFoundPage(c, ctx, ctx.m.book.unknownService);
  if (start === null) return c.redirect(`/book/${offer.value.service.slug}`, 303);
  const values: FormValues = {
    name: '',
    email: '',
    phone: '',
    address: '',
    notes: '',
    remind: false,
    seats: 1,
    answers: {},
  };
  return c.html(render(ctx, offer.value, c.req.query('staff') ?? 'any', start, values, {}, newKey()));
}

export async function submitDetails(c: Context, deps: AppDeps) {
  const form = await readFormLists(c);
  const field = form.field;
  const ctx = await pageContext(c, deps, { tz: field('tz') });
  const offer = await getService(deps, c.req.param('slug') ?? '', ctx.locale);
  if (!offer.ok) return notFoundPage(c, ctx, ctx.m.book.unknownService);
  const start = parseInstant(field('start'));
  const staff = field('staff') || 'any';
  if (start === null) return c.redirect(`/book/${offer.value.service.slug}`, 303);
  const posted = readAnswers(offer.value.service.questions, form);
  const values: FormValues = {
    name: field('name'),
    email: field('email'),
    phone: field('phone'),
    address: field('address'),
    notes: field('notes'),
    remind: field('remind') === '1',
    seats: /^\d{1,4}$/.test(field('seats')) ? Number(field('seats')) : 1,
    answers: posted.values,
    ...repeatOf(field),
  };
  // SPEC §9.2: only a service that allows it offers "repeat".
  const repeat = offer.value.service.allowRepeat ? repeatFromForm(field).body : {};
  const payment = (['none', 'full', 'deposit'] as const).find((p) => p === field('payment')) ?? 'none';
  const key = /^[A-Za-z0-9_-]{16,64}$/.test(field('key')) ? field('key') : newKey();
  // The form is checked with the API's own schema: the body the API would have been sent.
  const body = bookingBody.safeParse({
    service: offer.value.service.slug,
    staff,
    start: field('start'),
    client: { name: values.name, email: values.email, phone: values.phone || null, address: values.address || null },
    notes: values.notes,
    wantsReminder: values.remind,
    payment,
    locale: ctx.locale,
    // Only a group session's form has seats (SPEC §9.1); the use case judges the number.
    ...((offer.value.service.capacity ?? 1) > 1 ? { seats: values.seats } : {}),
    answers: posted.answers,
    ...repeat,
  });
  // The answers by the core's one validator (the use case checks them again), so every mistake
  // of the form shows at once, the client's fields and the answers alike.
  const errors = {
    ...(body.success ? {} : formErrors(ctx, values, body.error)),
    ...answerErrors(ctx, offer.value.service.questions, posted),
  };
  if (Object.keys(errors).length > 0) return c.html(render(ctx, offer.value, staff, start, values, errors, key), 400);
  if (!body.success) {
    // Nothing the person typed: the page's own hidden fields were tampered with.
    if (body.error.issues.some((i) => i.path[0] === 'start'))
      return c.redirect(`/book/${offer.value.service.slug}`, 303);
    const message = `Invalid ${Object.keys(fieldsOf(body.error)).join(', ')}.`;
    return c.html(render(ctx, offer.value, staff, start, values, { name: message }, key), 422);
  }
  const idempotency = {
    key: `page:${key}`,
    requestHash: hashOf(offer.value.service.id, staff, start, values, payment, posted.answers),
  };
  const input = bookingInput(body.data, idempotency);
  const r = body.data.repeat
    ? await createSeries(deps, { ...input, repeat: body.data.repeat })
    : await createBooking(deps, input);
  if (r.ok) {
    const { next, token } = r.value;
    if (next.action === 'pay') return c.redirect(next.url, 303);
    return c.redirect(`/manage/${token}${next.action === 'done' ? '?done=1' : ''}`, 303);
  }
  if (r.code === 'SLOT_UNAVAILABLE') {
    // Back to the calendar on that day, told plainly.
    return bookPage(c, deps, { notice: ctx.m.book.taken, query: { staff, date: dateOf(start, ctx.tz) }, tz: ctx.tz });
  }
  if (r.code === 'SERIES_CONFLICT' || (r.code === 'VALIDATION_FAILED' && refusedFields(r.details).includes('repeat'))) {
    const error = r.code === 'SERIES_CONFLICT' ? seriesConflictText(ctx, r) : r.message;
    return c.html(
      render(ctx, offer.value, staff, start, values, { repeat: error }, key),
      r.code === 'SERIES_CONFLICT' ? 409 : 400,
    );
  }
  if (r.code === 'SEATS_UNAVAILABLE') {
    const left = Number(r.details?.seatsLeft ?? 0);
    return c.html(render(ctx, offer.value, staff, start, values, { seats: ctx.m.details.seatsLeft(left) }, key), 409);
  }
  if (r.code === 'VALIDATION_FAILED' && refusedFields(r.details).includes('seats')) {
    return c.html(render(ctx, offer.value, staff, start, values, { seats: r.message }, key), 400);
  }
  if (r.code === 'IDEMPOTENCY_KEY_REUSED') {
    return c.html(render(ctx, offer.value, staff, start, values, {}, newKey()), 409);
  }
  if (r.code === 'PAYMENT_OPTION_NOT_ALLOWED' && r.details?.reason === 'no_show_limit') {
    // SPEC §10.3: this client pays in full; the form comes back with only that button.
    const extras = { notice: ctx.m.details.noShowFull, only: ['full'] as const };
    return c.html(render(ctx, offer.value, staff, start, values, {}, key, extras), 422);
  }
  return c.html(render(ctx, offer.value, staff, start, values, { name: r.message }, key), 422);
}

function render(
  ctx: PageContext,
  offer: ServiceOffer,
  staff: string,
  start: number,
  values: FormValues,
  errors: Errors,
  key: string,
  extras: FormExtras = {},
) {
  const { m } = ctx;
  return page(
    <Layout ctx={ctx} title={m.details.title} accent={offer.service.color}>
      <p class="crumbs">
        <a href={`/book/${offer.service.slug}?${new URLSearchParams({ staff, date: dateOf(start, ctx.tz) })}`}>
          {m.details.change}
        </a>
      </p>
      <h1>{m.details.title}</h1>
      <div class="book">
        <Recap ctx={ctx} offer={offer} date={dateOf(start, ctx.tz)} start={start} />
        <div class="book-main">
          <DetailsForm
            ctx={ctx}
            offer={offer}
            staff={staff}
            start={start}
            values={values}
            errors={errors}
            formKey={key}
            notice={extras.notice}
            only={extras.only}
          />
        </div>
      </div>
    </Layout>,
  );
}

type ClientField = 'name' | 'email' | 'phone' | 'address' | 'notes';

/** The form's fields by the schema's paths. */
const FIELDS: Record<string, ClientField> = {
  'client.name': 'name',
  'client.email': 'email',
  'client.phone': 'phone',
  'client.address': 'address',
  notes: 'notes',
};

/** The schema's problems with what the person typed, in their language, beside each field. */
function formErrors(ctx: PageContext, v: FormValues, error: z.ZodError): Errors {
  const { m } = ctx;
  const errors: Partial<Record<ClientField, string>> = {};
  for (const issue of error.issues) {
    const name = FIELDS[issue.path.join('.')];
    if (!name || errors[name]) continue;
    if (v[name] === '') errors[name] = m.details.required;
    else if (issue.code === 'invalid_format') errors[name] = m.details.badEmail;
    else errors[name] = m.details.tooLong; // too long, or a character that cannot be stored
  }
  return errors;
}

const newKey = () => randomBytes(18).toString('base64url');

function hashOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The field names of a VALIDATION_FAILED refusal's details. */
function refusedFields(details: Record<string, unknown> | undefined): string[] {
  const fields = details?.fields;
  return fields && typeof fields === 'object' ? Object.keys(fields) : [];
}

/** The repeat the person chose, kept to show the form again. */
function repeatOf(field: (name: string) => string): RepeatValues {
  const { repeat, repeatCount } = repeatFromForm(field);
  return { ...(repeat === undefined ? {} : { repeat }), ...(repeatCount === undefined ? {} : { repeatCount }) };
}
