/**
 * The set-up file of `slotwise import` (API.md "Set-up file"): shape and consistency only.
 * Unknown fields are errors; every problem is reported with its path (`services[0].durationMinuts`).
 */
import { z } from 'zod';
import {
  type CancellationPolicy,
  cancellationPolicyProblems,
  canonicalTimeZone,
  type FieldProblem,
  isCurrency,
  isDate,
  isTimeZone,
  MAX_CAPACITY,
  parseLocalDateTime,
  parseWallTime,
  type Question,
  questionsProblems,
  seatSettingsProblems,
  toMinor,
  WEEKDAYS,
  type Weekday,
} from '../core/index.ts';
import { LOCALES } from '../i18n/locale.ts';
import { localizedField } from './localized-field.ts';

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens');
export const minutes = (max: number) => z.number().int().min(0).max(max);
export const zone = z
  .string()
  .refine(isTimeZone, 'not an IANA time zone (e.g. Europe/Paris)')
  .transform((name) => canonicalTimeZone(name) as string);
export const currency = z.string().refine(isCurrency, 'not an ISO 4217 currency code (e.g. EUR)');
export const money = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? v.toFixed(2).replace(/\.00$/, '') : v))
  .refine((v) => /^\d{1,13}(\.\d+)?$/.test(v), 'a non-negative decimal amount such as "120.00"');
export const date = z.string().refine(isDate, 'a real date YYYY-MM-DD');

/** Years of dates in date hours and blocks (the API's range, http/validation.ts). */
export const inYears = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= 1900 && year <= 2999;
};
/** What a date of date-specific hours must be (SPEC §8.1): a real date, 1900–2999. */
export const isScheduleDate = (text: string) => isDate(text) && inYears(text);
export const SCHEDULE_DATE = 'a real date YYYY-MM-DD between 1900 and 2999';
/** A block's bound (SPEC §8.2): a local date-time `YYYY-MM-DDTHH:MM`, 1900–2999. */
export const localDateTime = z
  .string()
  .refine((t) => parseLocalDateTime(t) !== null && inYears(t), 'a local date-time YYYY-MM-DDTHH:MM, 1900–2999');
export const wallTime = z.string().refine((t) => parseWallTime(t) !== null, 'a time HH:MM between 00:00 and 24:00');
export const email = z.email();

export const businessSchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  timezone: zone.optional(),
  currency: currency.optional(),
  locale: z.enum(LOCALES).optional(),
  staffLabel: localizedField(z.string().min(1).max(100), 100).optional(),
  ownerEmail: email.nullable().optional(),
  paymentUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  paymentSecret: z.string().min(16).nullable().optional(),
  slotStepMinutes: z.number().int().min(1).max(1440).optional(),
  gapMinutes: minutes(1440).optional(),
  minNoticeMinutes: minutes(525_600).optional(),
  horizonDays: z.number().int().min(0).max(3660).optional(),
  defaultRescheduleLimit: z.number().int().min(0).max(100).optional(),
  allowStaffChangeOnReschedule: z.boolean().optional(),
  cancelNoticeHours: z.number().int().min(0).max(8760).optional(),
  rescheduleNoticeHours: z.number().int().min(0).max(8760).optional(),
  holdMinutes: z.number().int().min(1).max(1440).optional(),
  reminderHours: z.number().int().min(0).max(8760).optional(),
  /** SPEC §11: days until expired and unverified bookings lose their personal data. */
  retainUnconfirmedDays: z.number().int().min(1).max(3660).optional(),
  /** SPEC §11: days after their end until past bookings lose their personal data; 0 = keep. */
  retainPastDays: z.number().int().min(0).max(3660).optional(),
  /** SPEC §10.3: no-shows after which a client's next paid booking must be paid in full; 0 = off. */
  noShowLimit: z.number().int().min(0).max(100).optional(),
  /** SPEC §9.3: minutes a waitlist offer holds its start. */
  waitlistOfferMinutes: z.number().int().min(1).max(1440).optional(),
});

/**
 * A list the core checks (decision 027): any list, then the core's problems as Zod issues under
 * the field's own path (`services[0].questions[1].options`), so the set-up file and the admin API
 * say the same. Null is no list.
 */
const coreList = <T>(problemsOf: (value: unknown) => FieldProblem[], description: string) =>
  z
    .array(z.unknown())
    .nullable()
    .superRefine((value, ctx) => {
      for (const p of problemsOf(value)) ctx.addIssue({ code: 'custom', path: [...p.path], message: p.message });
    })
    .transform((value) => (value ?? []) as T)
    .meta({ description });

/** SPEC §10.1: `[{key, type, label, required, sensitive, options, retired}]`, in the order asked. */
export const questionsField = coreList<Question[]>(
  questionsProblems,
  'intake questions: [{key, type: text|longText|choice|multiChoice|yesNo|date|number, label, required, sensitive, options: [{key, label}], retired}]',
).transform((list) => list.map(normalQuestion));

/** A checked question as stored: the flags spelled out, `retired` only when true, no other key. */
function normalQuestion(q: Question): Question {
  return {
    key: q.key,
    type: q.type,
    label: q.label,
    required: q.required === true,
    sensitive: q.sensitive === true,
    ...(q.options === undefined ? {} : { options: q.options.map((o) => ({ key: o.key, label: o.label })) }),
    ...(q.retired === true ? { retired: true } : {}),
  };
}

/** SPEC §10.2: tiers `[{untilHoursBefore, refund}]`, strictly descending, the last at 0; [] = no policy. */
export const cancellationPolicyField = coreList<CancellationPolicy>(
  cancellationPolicyProblems,
  'cancellation tiers: [{untilHoursBefore: 48, refund: full|deposit_kept|none|none_online}, …], descending, the last at 0',
);

/** An image shown on the public pages: an http(s) URL or a path on this site (no `javascript:`). */
export const imageUrl = z
  .string()
  .max(2000)
  .refine(
    (v) => /^https?:\/\/[^\s]+$/i.test(v) || /^\/(?!\/)[^\s]*$/.test(v),
    'an http(s) URL or a path such as /img/a.jpg',
  );

export const serviceSchema = z.strictObject({
  key: slug,
  name: localizedField(z.string().min(1).max(200), 200),
  description: localizedField(z.string().max(5000), 5000).optional(),
  durationMinutes: z.number().int().min(1).max(1440),
  price: money.optional(),
  deposit: money.optional(),
  currency: currency.optional(),
  imageUrl: imageUrl.nullable().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#3366ff"')
    .nullable()
    .optional(),
  allowRescheduling: z.boolean().optional(),
  rescheduleLimit: z.number().int().min(0).max(100).nullable().optional(),
  bufferBeforeMinutes: minutes(1440).optional(),
  bufferAfterMinutes: minutes(1440).optional(),
  active: z.boolean().optional(),
  /** SPEC §8.4: keys of the resources a booking of it holds (replaces the list). */
  resources: z.array(z.string().max(64)).max(50).optional(),
  // SPEC §9.1: seats of a group session.
  capacity: z.number().int().min(1).max(MAX_CAPACITY).optional(),
  maxSeatsPerBooking: z.number().int().min(1).max(MAX_CAPACITY).optional(),
  questions: questionsField.optional(),
  cancellationPolicy: cancellationPolicyField.optional(),
  // SPEC §9.2: clients may book it as a recurring series.
  allowRepeat: z.boolean().optional(),
});

const dayRanges = z.array(z.tuple([wallTime, wallTime])).optional();
/** One date's ranges in date-specific hours; [] = not worked that date. */
export const dateRanges = z.array(z.tuple([wallTime, wallTime])).max(48);
/** Date-specific hours (SPEC §8.1): `{"2027-06-14": [["10:00", "14:00"]], "2027-06-15": []}`. */
export const dateHoursSchema = z.record(z.string().max(10), dateRanges);
/** A block of time off (SPEC §8.2), local date-times in the member's zone. */
export const blockSchema = z.strictObject({
  from: localDateTime,
  to: localDateTime,
  note: z.string().max(500).nullable().optional(),
});
/** An external busy calendar (SPEC §8.3): its iCalendar URL (a secret) and a label. */
export const calendarSchema = z.strictObject({
  url: z.string().max(2000),
  label: z.string().max(200).optional(),
});
export const resourceSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" or "-"'),
  name: z.string().min(1).max(200),
});

/** At most this many dates with their own hours per member, in a file or a request. */
export const MAX_SCHEDULE_DATES = 1000;
export const hoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, dayRanges])) as Record<Weekday, typeof dayRanges>,
);

export const staffSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" or "-"'),
  name: z.string().min(1).max(200),
  email,
  timezone: zone.nullable().optional(),
  services: z.array(slug).optional(),
  hours: hoursSchema.optional(),
  daysOff: z
    .array(z.strictObject({ from: date, to: date, note: z.string().max(500).nullable().optional() }))
    .optional(),
  dateHours: dateHoursSchema.optional(),
  blocks: z.array(blockSchema).max(1000).optional(),
  calendars: z.array(calendarSchema).max(20).optional(),
  slotStepMinutes: z.number().int().min(1).max(1440).nullable().optional(),
  gapMinutes: minutes(1440).nullable().optional(),
  minNoticeMinutes: minutes(525_600).nullable().optional(),
  active: z.boolean().optional(),
  /** Shown under the member's name on the public pages (decision 032). */
  bio: z
    .string()
    .max(2000)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .optional(),
});

const adminSchema = z.strictObject({
  email,
  password: z.string().min(10, 'at least 10 characters').max(200),
});

export const setupSchema = z
  .strictObject({
    business: businessSchema.optional(),
    resources: z.array(resourceSchema).max(200).optional(),
    services: z.array(serviceSchema).optional(),
    staff: z.array(staffSchema).optional(),
    admins: z.array(adminSchema).optional(),
  })
  .superRefine((setup, ctx) => {
    const b = setup.business;
    const businessCurrency = b?.currency ?? 'USD';
    const keys = new Set<string>();
    setup.services?.forEach((s, i) => {
      if (keys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['services', i, 'key'], message: 'duplicate key' });
      keys.add(s.key);
      const cur = s.currency ?? businessCurrency;
      // An invalid currency is already a problem of its own; Intl would throw on a malformed one.
      if (!isCurrency(cur)) return;
      // A missing price or deposit keeps the stored one (or the default 0 for a new service);
      // only the store can compare against it, so here they are compared only when both are given.
      const price = s.price === undefined ? undefined : toMinor(s.price, cur);
      const deposit = s.deposit === undefined ? undefined : toMinor(s.deposit, cur);
      if (price === null)
        ctx.addIssue({ code: 'custom', path: ['services', i, 'price'], message: `too many decimals for ${cur}` });
      if (deposit === null)
        ctx.addIssue({ code: 'custom', path: ['services', i, 'deposit'], message: `too many decimals for ${cur}` });
      if (typeof price === 'number' && typeof deposit === 'number' && deposit > price)
        ctx.addIssue({ code: 'custom', path: ['services', i, 'deposit'], message: 'must not exceed the price' });
    });
    setup.services?.forEach((s, i) => {
      // Given together they are judged here; one alone is judged against the stored other (store/setup.ts).
      if (s.capacity === undefined || s.maxSeatsPerBooking === undefined) return;
      for (const p of seatSettingsProblems(s))
        ctx.addIssue({ code: 'custom', path: ['services', i, ...p.path], message: p.message });
    });
    const staffKeys = new Set<string>();
    setup.staff?.forEach((m, i) => {
      if (staffKeys.has(m.key)) ctx.addIssue({ code: 'custom', path: ['staff', i, 'key'], message: 'duplicate key' });
      staffKeys.add(m.key);
      for (const p of hoursProblems(m.hours ?? {})) {
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'hours', ...p.path], message: p.message });
      }
      m.daysOff?.forEach((off, j) => {
        if (off.from > off.to)
          ctx.addIssue({
            code: 'custom',
            path: ['staff', i, 'daysOff', j, 'to'],
            message: 'must not be before "from"',
          });
      });
      for (const p of dateHoursProblems(m.dateHours ?? {})) {
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'dateHours', ...p.path], message: p.message });
      }
      m.blocks?.forEach((b, j) => {
        const problem = blockProblem(b);
        if (problem) ctx.addIssue({ code: 'custom', path: ['staff', i, 'blocks', j, 'to'], message: problem });
      });
      m.calendars?.forEach((c, j) => {
        const problem = calendarUrlProblem(c.url);
        if (problem) ctx.addIssue({ code: 'custom', path: ['staff', i, 'calendars', j, 'url'], message: problem });
      });
    });
    const resourceKeys = new Set<string>();
    setup.resources?.forEach((r, i) => {
      if (resourceKeys.has(r.key))
        ctx.addIssue({ code: 'custom', path: ['resources', i, 'key'], message: 'duplicate key' });
      resourceKeys.add(r.key);
    });
  });

/**
 * What the shape of date-specific hours cannot say: each date is a real date of 1900–2999, each
 * range starts before it ends, and the ranges of one date do not overlap. Paths are relative to
 * the date hours object (`['2027-06-14', 0]`).
 */
export function dateHoursProblems(
  dateHours: Readonly<Record<string, readonly (readonly [string, string])[]>>,
): { path: (string | number)[]; message: string }[] {
  const dates = Object.keys(dateHours);
  if (dates.length > MAX_SCHEDULE_DATES) return [{ path: [], message: `at most ${MAX_SCHEDULE_DATES} dates` }];
  const bad = dates.filter((d) => !isScheduleDate(d)).map((d) => ({ path: [d], message: SCHEDULE_DATE }));
  return bad.length > 0 ? bad : hoursProblems(dateHours);
}

/** Why a block cannot be (its end is not after its start), or null; bounds already read. */
export function blockProblem(b: { readonly from: string; readonly to: string }): string | null {
  // Both are `YYYY-MM-DDTHH:MM`: as text they sort as the instants they name in any one zone.
  return b.to > b.from ? null : 'must be after "from"';
}

/**
 * Why a URL cannot be a calendar feed's (SPEC §8.3), or null: an absolute http or https URL with a
 * host and without a user name or password. Where it points is the outbound rule's (outbound-url.ts).
 */
export function calendarUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'an absolute http or https URL';
  }
  if (parsed.protocol === 'webcal:' || parsed.protocol === 'webcals:') {
    return 'an http or https URL (write https:// instead of webcal://)';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'an http or https URL';
  if (!parsed.hostname) return 'a URL with a host';
  if (parsed.username || parsed.password) return 'a URL without a user name or password';
  return null;
}

/**
 * What the shape of weekly hours (or a date's hours) cannot say: each range starts before it ends,
 * and the ranges of one day do not overlap. Paths are relative to the hours object (`['mon', 0]`,
 * `['tue']`, `['2027-06-14']`).
 */
export function hoursProblems(
  hours: Readonly<Partial<Record<string, readonly (readonly [string, string])[] | undefined>>>,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [day, ranges] of Object.entries(hours)) {
    const parsed = (ranges ?? []).map(([a, b]) => [parseWallTime(a) ?? 0, parseWallTime(b) ?? 0] as const);
    parsed.forEach(([a, b], j) => {
      if (a >= b || a >= 1440) problems.push({ path: [day, j], message: 'the start must be before the end' });
    });
    const sorted = [...parsed].sort((x, y) => x[0] - y[0]);
    for (let j = 1; j < sorted.length; j++) {
      if ((sorted[j]?.[0] ?? 0) < (sorted[j - 1]?.[1] ?? 0)) problems.push({ path: [day], message: 'ranges overlap' });
    }
  }
  return problems;
}

export type Setup = z.infer<typeof setupSchema>;
export type SetupService = NonNullable<Setup['services']>[number];
export type SetupStaff = NonNullable<Setup['staff']>[number];
export type SetupResource = NonNullable<Setup['resources']>[number];

/** `['services', 0, 'price']` → `services[0].price`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg}]`;
    return acc ? `${acc}.${String(seg)}` : String(seg);
  }, '');
}

export interface SetupProblem {
  readonly path: string;
  readonly message: string;
}

/** Validates a parsed JSON value; lists every problem with its path. */
export function parseSetup(value: unknown): { ok: true; setup: Setup } | { ok: false; problems: SetupProblem[] } {
  const result = setupSchema.safeParse(value);
  if (result.success) return { ok: true, setup: result.data };
  const problems: SetupProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
    } else {
      problems.push({ path: formatPath(issue.path) || '(file)', message: issue.message });
    }
  }
  return { ok: false, problems };
}
