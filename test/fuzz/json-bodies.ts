/**
 * JSON bodies for the API: built from each route's own schema (the Zod schema its handler checks,
 * as JSON Schema), filled with the seeded studio's real values where a field is named for one, so
 * that many requests get past validation into the use cases; then mutated — a field set to a
 * hostile value, a field dropped, a hostile or prototype-polluting key added.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { DOCUMENTED_ROUTES } from '../../src/http/openapi/docs-routes.ts';
import { PUBLIC_URL } from '../support/lifecycle.ts';
import type { Pools } from './seed.ts';
import { anyString, anyValue, HOSTILE_KEYS, pick, URL_SPELLINGS } from './values.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema objects are walked generically
type Schema = any;

/** The JSON Schemas of each documented route's body and query, by route key ("POST /api/v1/bookings"). */
export function routeSchemas(): Map<string, { body?: Schema; query?: Schema }> {
  const out = new Map<string, { body?: Schema; query?: Schema }>();
  const toJson = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  for (const r of DOCUMENTED_ROUTES) {
    out.set(`${r.method.toUpperCase()} ${r.path}`, {
      ...(r.body ? { body: toJson(r.body) } : {}),
      ...(r.query ? { query: toJson(r.query) } : {}),
    });
  }
  return out;
}

/** Real values for fields by name (strings), or undefined when a name means nothing special. */
export function namedValues(name: string, p: Pools): string[] | undefined {
  // Days of clock changes too: Paris and New York, Santiago's (at midnight: the day starts at 01:00), Lord Howe's (30 min).
  const dates = [
    '2027-03-29',
    '2027-04-01',
    '2027-03-26',
    '2027-05-03',
    '2027-04-05',
    '2028-02-29',
    '2027-03-28',
    '2027-03-14',
    '2027-04-04',
    '2027-09-05',
    '2027-10-31',
    '2027-04-03',
  ];
  const zones = [
    'Europe/Paris',
    'America/New_York',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'America/Santiago',
    'Australia/Lord_Howe',
    'America/Havana',
    'UTC',
  ];
  const table: Record<string, string[]> = {
    service: [...p.slugs, ...p.serviceIds],
    staff: [...p.staffIds, 'any'],
    start: p.slots.map((s) => s.start).filter((_, i) => i % 7 === 0),
    month: ['2027-03', '2027-04', '2027-05', '2026-12', '2027-09', '2027-10'],
    date: dates,
    // Dates (days off, queries) and local date-times (time off with times).
    from: [...dates, '2027-04-14T13:00', '2027-03-28T01:30', '2027-10-31T02:30'],
    to: [...dates, '2027-04-14T15:30', '2027-03-28T03:30', '2999-12-31T23:59'],
    tz: zones,
    timezone: zones,
    email: [...p.clientEmails, 'new.client@example.test', 'ana@studio.test'],
    ownerEmail: ['owner@studio.test'],
    name: ['Fuzz Person', 'Zoé Ünïcode'],
    code: [...p.codes, '000000', '123456'],
    reference: p.references,
    amount: p.amounts,
    currency: ['EUR', 'USD', 'eur'],
    transactionId: ['tx-1', 'tx-2', 'tx-3'],
    status: ['paid', 'failed', 'confirmed', 'cancelled', 'pending_verification'],
    url: [
      'https://hooks.example.test/a',
      'https://calendar.example.test/ical/x/basic.ics',
      'webcal://calendar.example.test/x.ics',
      ...URL_SPELLINGS,
    ],
    imageUrl: ['https://img.example.test/a.png'],
    paymentUrl: ['https://pay.example.test/checkout', `${PUBLIC_URL}/demo/gateway`],
    slug: ['new-service', 'spare-2', 'consult-x'],
    color: ['#aabbcc', '#000000'],
    key: ['fuzz-key', 'ana'],
    price: ['10.00', '0', '120.00', '5'],
    deposit: ['0', '5.00', '30.00'],
    reason: ['Running late', ''],
    notes: ['Please ring twice', ''],
    description: ['A description'],
    label: ['laptop', 'Personal'],
    note: ['Holiday'],
    q: ['Zoé', 'SW-', 'client.test'],
    cursor: [
      '',
      'MTA=',
      '1',
      '999999999999999999',
      ...[{ s: 1_806_000_000_000, i: '1' }, { s: 1e30, i: '1' }, { s: 0, i: '99999999999999999999' }, [1]].map((c) =>
        Buffer.from(JSON.stringify(c)).toString('base64url'),
      ),
    ],
    limit: ['1', '5', '100', '0'],
    role: ['admin', 'staff'],
    password: ['correct horse battery', 'a much longer password 123'],
    mailFrom: ['Studio <studio@example.test>', 'studio@example.test'],
    next: ['/admin/bookings', '//evil.test', '/admin'],
  };
  return table[name];
}

/** A value valid or nearly so for a JSON Schema, preferring real values for named fields. */
export function fromSchema(schema: Schema, p: Pools, name = ''): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object' || schema === true) return anyValue;
  if (schema.anyOf || schema.oneOf) {
    return fc.oneof(...(schema.anyOf ?? schema.oneOf).map((s: Schema) => fromSchema(s, p, name)));
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  // Issue 20's lists and answers: real shapes and the bad ones the issue names, not random objects.
  const sample = RULE_SAMPLES[name];
  if (sample) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...sample) }, { weight: 1, arbitrary: anyValue });
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  const named = namedValues(name, p);
  // Now and then a value at or past the edge of its type, where everything else in the body is fine.
  const edgy = (valid: fc.Arbitrary<unknown>, edges: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: edges });
  if (type.includes('string') && named && named.length > 0) return edgy(pick(named), EDGE_STRINGS);
  if (type.length > 1) return fc.oneof(...type.map((t: string) => fromSchema({ ...schema, type: t }, p, name)));
  switch (type[0]) {
    case 'string':
      return edgy(stringFor(schema), EDGE_STRINGS);
    case 'integer':
      return edgy(
        fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 10_000, 1_000_000) }),
        fc.constantFrom(
          (schema.minimum ?? 0) - 1,
          -1,
          -1440,
          (schema.maximum ?? 1_000_000) + 1,
          2 ** 31,
          -(2 ** 31) - 1,
          2 ** 53 + 2,
          1e21,
          0.5,
          -0,
        ),
      );
    case 'number':
      return fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 500, noNaN: true }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayFor(schema, p, name);
    case 'object':
      // Per-language texts (SPEC §12): wordings by language, known, unknown and hostile, not just {}.
      if (!schema.properties && schema.additionalProperties && LOCALIZED_FIELDS.has(name)) {
        return fc.constantFrom(...LOCALIZED_SAMPLES);
      }
      return objectFor(schema, p);
    default:
      return anyValue;
  }
}

/**
 * Answers to the fuzz world's portrait (people: number, health: sensitive long text, style: any of
 * bw/colour) — valid, an unknown key, a text for a number, an option not in the list, 2,001
 * characters; questions and tiers valid and out of order (SPEC §10.1–10.2, the bad input).
 */
/** Fields that take a text or wordings by language (API.md Part two). */
const LOCALIZED_FIELDS = new Set(['name', 'description', 'staffLabel']);

export const LOCALIZED_SAMPLES: readonly unknown[] = [
  { en: 'Portrait session', pt: 'Sessão de retrato' },
  { pt: 'Só em português' },
  { en: 'Known', xx: 'Unknown language' },
  { 'pt-BR': 'Regional tag' },
  { EN: 'Upper case' },
  { en: '' },
  { en: ' ' },
  { en: 'x'.repeat(5001) },
  { en: 3 },
  { en: null },
  { en: 'a\u0000b' },
  {},
  JSON.parse('{"__proto__": "polluted", "en": "A"}'),
  { constructor: 'x', toString: 'y' },
];

export const RULE_SAMPLES: Record<string, readonly unknown[]> = {
  answers: [
    {},
    { people: 2, health: 'Bad knee', style: ['bw'] },
    { people: 'two' },
    { style: ['sepia'] },
    { shoeSize: 42 },
    { health: 'x'.repeat(2001) },
    { people: 1e21, style: 'bw' },
    JSON.parse('{"__proto__": {"people": 1}}'),
  ],
  questions: [
    [],
    [{ key: 'q1', type: 'text', label: 'Q', required: true, sensitive: false }],
    [{ key: 'q1', type: 'choice', label: { en: 'Q', fr: 'Q' }, required: false, sensitive: true, options: [] }],
    [{ key: 'q1', type: 'colour', label: 'Q' }],
    [
      { key: 'dup', type: 'text', label: 'A' },
      { key: 'dup', type: 'number', label: 'B' },
    ],
  ],
  cancellationPolicy: [
    [],
    [
      { untilHoursBefore: 48, refund: 'full' },
      { untilHoursBefore: 0, refund: 'none' },
    ],
    [
      { untilHoursBefore: 24, refund: 'deposit_kept' },
      { untilHoursBefore: 48, refund: 'full' },
    ],
    [{ untilHoursBefore: 12, refund: 'full' }],
    [{ untilHoursBefore: -1, refund: 'nothing' }],
  ],
};

/** Strings at the edge: numbers too big for any column, odd digits, text that is almost a date or an amount. */
const EDGE_STRINGS = fc.constantFrom(
  '99999999999999999999.99',
  '9223372036854775807',
  '9223372036854775808',
  '-0.01',
  '0.001',
  '1,50',
  ' 12.00 ',
  '١٢٣',
  '1e3',
  '0x10',
  '12.',
  '.5',
  '2027-02-30',
  '2027-03-28T02:30:00+01:00',
  '2027-03-29T09:00:00+14:00',
  '0000-01-01T00:00:00Z',
  'x'.repeat(10_000),
  '\u0000',
  '\uD800',
);

function stringFor(schema: Schema): fc.Arbitrary<string> {
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 500));
    } catch {
      // A pattern fast-check cannot generate from (\p{…}): any string instead.
    }
  }
  const max = Math.min(schema.maxLength ?? 30, 30);
  return fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max });
}

function arrayFor(schema: Schema, p: Pools, name: string): fc.Arbitrary<unknown> {
  if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s: Schema) => fromSchema(s, p, `${name}[]`)));
  const item = /^(mon|tue|wed|thu|fri|sat|sun)$/.test(name)
    ? fc.tuple(clock, clock)
    : fromSchema(schema.items, p, name === 'services' ? 'service-id' : name === 'staff' ? 'staff-id' : `${name}[]`);
  const idPool =
    name === 'services' ? p.serviceIds : name === 'staff' ? p.staffIds : name === 'resources' ? p.resourceIds : null;
  const items = idPool ? fc.constantFrom(...idPool) : item;
  return fc.array(items, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
}

const clock = fc.oneof(
  fc.constantFrom('09:00', '12:00', '13:00', '17:30', '00:00', '24:00', '23:59', '02:30'),
  fc.tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${pad(h)}:${pad(m)}`),
);
const pad = (n: number) => String(n).padStart(2, '0');

function objectFor(schema: Schema, p: Pools): fc.Arbitrary<unknown> {
  const props: Record<string, Schema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of Object.entries(props)) model[k] = fromSchema(s, p, k);
  return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
}

/** One change to a body: at a node picked by index, set a value, drop a key or add a hostile key. */
type Mutation =
  | { readonly op: 'set'; readonly at: number; readonly value: unknown }
  | { readonly op: 'drop'; readonly at: number }
  | { readonly op: 'add'; readonly at: number; readonly key: string; readonly value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: anyValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), anyString),
      value: anyValue,
    }),
  },
);

/**
 * Bodies that are whole and consistent (a free slot of the service, with a staff member who can
 * take it, a new client) for the routes that book or move, so the fuzzer reaches the writes; the
 * schema alone rarely draws a start that is free.
 */
export function coherentBody(route: string, p: Pools): fc.Arbitrary<unknown> | null {
  const slot = fc.constantFrom(...p.slots);
  const client = fc.record(
    {
      name: fc.constantFrom('Fuzz Person', 'Zoé Ünïcode', 'مرحبا'),
      email: fc.oneof(
        fc.nat(100_000).map((n) => `fuzz${n}@client.test`),
        fc.constantFrom(...p.clientEmails),
      ),
      phone: fc.constantFrom('+33 6 12 34 56 78', '', null),
      address: fc.constantFrom('1 rue de Rivoli', null),
    },
    { requiredKeys: ['name', 'email'] },
  );
  const booking = (admin: boolean) =>
    slot.chain((s) => {
      const model: Record<string, fc.Arbitrary<unknown>> = {
        service: fc.constant(s.service),
        staff: fc.constantFrom('any', ...s.staff),
        start: fc.constant(s.start),
        client,
        notes: fc.constantFrom('', 'Second floor'),
        answers: fc.constantFrom(...(RULE_SAMPLES.answers ?? [])),
        wantsReminder: fc.boolean(),
        locale: fc.constantFrom('en', 'fr', 'de', 'es', 'pt'),
        // SPEC §9.1: in range, past the service's maximum, on a capacity-1 service, or not a number.
        seats: fc.constantFrom(1, 2, 3, 0, -1, 1.5, 1001, '2', null),
        // SPEC §9.2: a series (on services that allow it or not), a count out of 2–52, an unknown frequency.
        repeat: fc.constantFrom(
          { frequency: 'weekly', count: 3 },
          { frequency: 'biweekly', count: 2 },
          { frequency: 'monthly', count: 4 },
          { frequency: 'weekly', count: 52 },
          { frequency: 'weekly', count: 1 },
          { frequency: 'weekly', count: 53 },
          { frequency: 'daily', count: 3 },
          { frequency: 'weekly', count: 2.5 },
          { frequency: 'weekly' },
          'weekly',
          null,
        ),
        ...(admin
          ? { skipRules: fc.boolean(), notifyClient: fc.boolean() }
          : { payment: fc.constantFrom('none', 'full', 'deposit') }),
      };
      return fc.record(model, { requiredKeys: ['service', 'staff', 'start', 'client'] });
    });
  const move = (admin: boolean) =>
    slot.chain((s) => {
      const model: Record<string, fc.Arbitrary<unknown>> = {
        start: fc.constant(s.start),
        staff: fc.constantFrom(...s.staff),
        // The client gives a reason; the dashboard's PATCH has no such field.
        ...(admin
          ? { skipRules: fc.boolean(), notifyClient: fc.boolean() }
          : { reason: fc.constantFrom('Running late', '') }),
      };
      return fc.record(model, { requiredKeys: ['start'] });
    });
  // SPEC §9.3: a join for a slot's date, with times and seats in and out of range.
  const join = slot.chain((s) =>
    fc.record(
      {
        service: fc.constant(s.service),
        staff: fc.constantFrom('any', ...s.staff),
        date: fc.constantFrom(s.start.slice(0, 10), '2031-01-01', '2020-01-01', '2027-02-30'),
        from: fc.constantFrom('09:00', '23:59', '24:00', '9:00', null),
        to: fc.constantFrom('12:00', '24:00', '00:00', '08:00', null),
        seats: fc.constantFrom(1, 2, 0, 1001, '1', null),
        client: client.map(({ address: _a, ...c }) => c),
        locale: fc.constantFrom('en', 'pt', 'xx'),
        tz: fc.constantFrom('Europe/Paris', 'America/New_York', 'Mars/Olympus'),
      },
      { requiredKeys: ['service', 'staff', 'date', 'client'] },
    ),
  );
  switch (route) {
    case 'POST /api/v1/waitlist':
      return join;
    case 'POST /api/v1/bookings':
      return booking(false);
    case 'POST /api/v1/admin/bookings':
      return booking(true);
    case 'POST /api/v1/manage/:token/reschedule':
      return move(false);
    case 'PATCH /api/v1/admin/bookings/:id':
      return move(true);
    default:
      return null;
  }
}

/** A body for a schema (or a given base): unchanged about a third of the time, else with one to three mutations. */
export function jsonBody(schema: Schema, p: Pools, base?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      base ?? fromSchema(schema, p),
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
      ),
    )
    .map(([value, changes]) => changes.reduce(apply, structuredClone(value)));
}

/** Object and array nodes of a value, the root first. */
function nodes(v: unknown, out: object[] = []): object[] {
  if (v && typeof v === 'object') {
    out.push(v);
    for (const child of Object.values(v)) nodes(child, out);
  }
  return out;
}

function apply(value: unknown, m: Mutation): unknown {
  const all = nodes(value);
  if (all.length === 0) return m.op === 'set' ? structuredClone(m.value) : value;
  const node = all[m.at % all.length] as Record<string, unknown>;
  const keys = Object.keys(node);
  const key = keys[m.at % Math.max(keys.length, 1)];
  if (m.op === 'set' && key !== undefined) node[key] = structuredClone(m.value);
  if (m.op === 'drop' && key !== undefined) delete node[key];
  if (m.op === 'add') {
    // defineProperty, so "__proto__" becomes an own key that JSON.stringify sends.
    Object.defineProperty(node, m.key, {
      value: structuredClone(m.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return value;
}
