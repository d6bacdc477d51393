/**
 * Request bodies: JSON for the API (from the route's schema, mutated, or not JSON at all, in the
 * wrong content type, oversized; signed or forged for the payment callback), forms for the pages
 * (the fields the pages serve, real and hostile values, multipart, malformed, oversized), and
 * whole, consistent forms for the pages that book or move.
 */
import fc from 'fast-check';
import { MAX_UPLOAD_BODY_BYTES, UPLOAD_PATH } from '../../src/http/body-limit.ts';
import { MAX_BODY_BYTES } from '../../src/http/validation.ts';
import { UPLOAD_FILES } from './files.ts';
import type { FormSpec } from './forms.ts';
import type { BodySpec } from './harness.ts';
import { coherentBody, fromSchema, jsonBody, namedValues } from './json-bodies.ts';
import type { Generators } from './requests.ts';
import { type Route, routeKey } from './routes.ts';
import type { Pools } from './seed.ts';
import { anyString, CONTENT_TYPES, HOSTILE_STRINGS, notAnObject, pick } from './values.ts';

/** Malformed or surprising form bodies (sent as written). */
const RAW_FORMS: readonly { text: string; type: string }[] = [
  { text: 'a=%ED%A0%80&name=%&email=%zz', type: 'application/x-www-form-urlencoded' },
  { text: '&&==&=&name', type: 'application/x-www-form-urlencoded' },
  { text: '__proto__[x]=1&constructor[prototype][y]=2', type: 'application/x-www-form-urlencoded' },
  { text: 'garbage without boundary', type: 'multipart/form-data' },
  {
    text: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
    type: 'multipart/form-data; boundary=b',
  },
  { text: '--b--\r\n', type: 'multipart/form-data; boundary=b' },
  { text: '--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n', type: 'multipart/form-data; boundary=b' },
  { text: 'name=x', type: 'multipart/form-data; boundary=' },
  { text: '{"name":"x"}', type: 'application/json' },
  { text: '{', type: 'application/json' },
  { text: '<form><name>x</name></form>', type: 'application/xml' },
  { text: 'name=x', type: 'text/plain' },
  { text: 'name=x', type: '' },
];

const safeText = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)) },
);

function formFields(specs: readonly FormSpec[] | undefined, p: Pools): fc.Arbitrary<[string, string][]> {
  const spec = specs && specs.length > 0 ? fc.constantFrom(...specs) : fc.constant(null);
  return spec.chain((s) => {
    const fields =
      s?.fields ??
      ['name', 'email', 'start', 'staff', 'date', 'code', 'reason', 'password', 'next', 'time', 'notes'].map(
        (name) => ({ name, values: [''] }),
      );
    const one = (f: { name: string; values: readonly string[] }) => {
      const named = namedValues(f.name, p);
      return fc
        .oneof(
          { weight: 3, arbitrary: fc.constantFrom(...f.values) },
          { weight: 3, arbitrary: named && named.length > 0 ? pick(named) : fc.constantFrom(...f.values) },
          { weight: 2, arbitrary: safeText },
          { weight: 1, arbitrary: fc.constant(null) },
        )
        .map((v) => (v === null ? null : ([f.name, v] as [string, string])));
    };
    const extra = fc.array(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'x'), safeText), {
      maxLength: 2,
    });
    return fc
      .tuple(fc.tuple(...fields.map(one)), extra)
      .map(([xs, more]) => [...xs.filter((x): x is [string, string] => x !== null), ...more]);
  });
}

/** Sizes past the route's limit: 64 KiB, or the picture routes' 5 MB and framing. */
function oversize(route: Route): fc.Arbitrary<number> {
  return UPLOAD_PATH.test(route.path)
    ? fc.integer({ min: MAX_UPLOAD_BODY_BYTES + 1, max: MAX_UPLOAD_BODY_BYTES + 256 * 1024 })
    : fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 3 });
}

/** Files for the picture routes, in the field they read or another, mostly the right one. */
function fileBodies(route: Route): fc.WeightedArbitrary<BodySpec | undefined>[] {
  if (!UPLOAD_PATH.test(route.path)) return [];
  const field = route.path.endsWith('/image') ? 'image' : 'photo';
  const file = fc.constantFrom(...(Object.keys(UPLOAD_FILES) as (keyof typeof UPLOAD_FILES)[]));
  return [
    { weight: 12, arbitrary: file.map((f) => ({ kind: 'file' as const, field, file: f })) },
    { weight: 1, arbitrary: file.map((f) => ({ kind: 'file' as const, field: 'upload', file: f })) },
  ];
}

export function apiBody(route: Route, g: Generators): fc.Arbitrary<BodySpec | undefined> {
  const schema = g.schemas.get(routeKey(route))?.body;
  const coherent = coherentBody(routeKey(route), g.pools);
  const base =
    coherent && schema
      ? fc.oneof({ weight: 3, arbitrary: coherent }, { weight: 1, arbitrary: fromSchema(schema, g.pools) })
      : undefined;
  const json = schema
    ? jsonBody(schema, g.pools, base)
    : fc.oneof(fc.constant({}), jsonBody({ type: 'object', properties: {} }, g.pools));
  const options: fc.WeightedArbitrary<BodySpec | undefined>[] = [
    { weight: 12, arbitrary: json.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 2, arbitrary: notAnObject.map((text) => ({ kind: 'raw' as const, text, type: 'application/json' })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(json, fc.constantFrom(...CONTENT_TYPES))
        .map(([value, type]) => ({ kind: 'json' as const, value, type })),
    },
    { weight: 1, arbitrary: json.map((value) => ({ kind: 'raw' as const, text: JSON.stringify(value) ?? '' })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: formFields(undefined, g.pools).map((fields) => ({ kind: 'multipart' as const, fields })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_FORMS).map((r) => ({ kind: 'raw' as const, ...r })) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('oversized' as const),
        bytes: oversize(route),
        shape: fc.constant('json' as const),
        type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
      }),
    },
  ];
  options.push(...fileBodies(route));
  if (route.path === '/api/v1/payments/callback') {
    const callback = jsonBody(schema, g.pools);
    options.push({
      weight: 20,
      arbitrary: fc.record({
        kind: fc.constant('signed' as const),
        value: callback,
        signature: fc.constantFrom('good', 'good', 'good', 'bad', 'none') as fc.Arbitrary<'good' | 'bad' | 'none'>,
      }),
    });
  }
  return fc.oneof(...options);
}

export function formBody(route: Route, g: Generators): fc.Arbitrary<BodySpec | undefined> {
  const fields = formFields(g.forms.get(routeKey(route)), g.pools);
  return fc.oneof(
    ...fileBodies(route),
    { weight: 14, arbitrary: fields.map((f) => ({ kind: 'form' as const, fields: f })) },
    { weight: 2, arbitrary: fields.map((f) => ({ kind: 'multipart' as const, fields: f })) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_FORMS).map((r) => ({ kind: 'raw' as const, ...r })) },
    {
      weight: 1,
      arbitrary: fields.map((f) => ({ kind: 'form' as const, fields: f, type: 'text/plain' })),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('oversized' as const),
        bytes: oversize(route),
        shape: fc.constant('form' as const),
      }),
    },
  );
}

/**
 * Whole, consistent forms (a free slot, a new client) for the pages that book or move, with the
 * path they post to, so the fuzzer reaches the writes; random fields rarely line up.
 */
export function coherentForm(
  route: Route,
  p: Pools,
): fc.Arbitrary<{ path: string; fields: [string, string][] }> | null {
  const slot = pick(p.slots);
  const person = fc.tuple(fc.constantFrom('Fuzz Person', 'Zoé Ünïcode'), fc.nat(100_000));
  const key = fc.stringMatching(/^[A-Za-z0-9_-]{20}$/);
  const wall = (iso: string) => ({ date: iso.slice(0, 10), time: iso.slice(11, 16) });
  switch (routeKey(route)) {
    case 'POST /book/:slug/details':
      return fc
        .tuple(slot, person, key, fc.constantFrom('none', 'full', 'deposit'))
        .map(([s, [name, n], k, payment]) => ({
          path: `/book/${s.service}/details`,
          fields: [
            ['staff', s.staff[0] ?? 'any'],
            ['start', s.start],
            ['name', name],
            ['email', `page${n}@client.test`],
            ['payment', payment],
            ['remind', '1'],
            ['key', k],
          ],
        }));
    case 'POST /manage/:token/reschedule':
      return fc.tuple(slot, pick(p.tokens)).map(([s, token]) => ({
        path: `/manage/${token}/reschedule`,
        fields: [
          ['start', s.start],
          ['staff', s.staff[0] ?? ''],
        ],
      }));
    case 'POST /admin/bookings/new':
      return fc.tuple(slot, person).map(([s, [name, n]]) => ({
        path: '/admin/bookings/new',
        fields: [
          ['service', s.service],
          ['staff', s.staff[0] ?? 'any'],
          ['date', wall(s.start).date],
          ['start', s.start],
          ['name', name],
          ['email', `desk${n}@client.test`],
          ['reminder', '1'],
          ['notify', '1'],
        ],
      }));
    case 'POST /admin/bookings/:id/move':
      return fc.tuple(slot, pick(p.bookingIds)).map(([s, id]) => ({
        path: `/admin/bookings/${id}/move`,
        fields: [
          ['date', wall(s.start).date],
          ['time', wall(s.start).time],
          ['staff', s.staff[0] ?? ''],
        ],
      }));
    default:
      return null;
  }
}
