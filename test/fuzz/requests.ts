/**
 * One generated request for a route: path parameters real (the seeded studio's ids, slugs and
 * tokens) or hostile, a query from the route's parameters and page parameters, a body (JSON from
 * the route's schema, a form from the page's fields, or something else entirely: wrong content
 * type, broken JSON, malformed multipart, an oversized body), a caller and extra headers.
 */
import fc from 'fast-check';
import { apiBody, coherentForm, formBody } from './bodies.ts';
import type { FormSpec } from './forms.ts';
import type { Caller, Csrf, FuzzRequest } from './harness.ts';
import { headersArb } from './headers.ts';
import { namedValues, type routeSchemas } from './json-bodies.ts';
import { type Route, routeKey } from './routes.ts';
import type { Pools } from './seed.ts';
import { anyString, pick } from './values.ts';

export interface Generators {
  readonly pools: Pools;
  readonly schemas: ReturnType<typeof routeSchemas>;
  /** Forms found on the pages, by the route they post to. */
  readonly forms: Map<string, FormSpec[]>;
  readonly callers: fc.Arbitrary<Caller>;
}

/** Percent-encodes any string, lone surrogates included (as the invalid UTF-8 a client may send). */
export function encode(s: string): string {
  return s.replace(/[\s\S]/gu, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(ch);
  });
}

/** Path segments no route should choke on (already encoded, some deliberately malformed). */
const HOSTILE_SEGMENTS: readonly string[] = [
  '0',
  '-1',
  '99999999999999999999',
  '9223372036854775808',
  '1.5',
  '1e3',
  '0x10',
  '%00',
  '1%00',
  '%ED%A0%80',
  '%',
  '%zz',
  '%C0%AF',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  '__proto__',
  'constructor',
  'prototype',
  'x'.repeat(3000),
  'A'.repeat(43),
  `sws_${'A'.repeat(43)}`,
  'portrait%00',
  'PORTRAIT',
  'x.ics',
  '.ics',
  '1.ics',
  'null',
  '%20',
  ...['👩‍👩‍👧‍👦', '\u202Eabc', '<script>', "' OR 1=1 --", '\u200B', 'é'].map(encode),
];

/** Query parameters the pages read (the API's come from its schemas). */
const PAGE_QUERY = [
  'service',
  'staff',
  'date',
  'month',
  'tz',
  'start',
  'from',
  'to',
  'status',
  'q',
  'view',
  'next',
  'done',
  'skip',
  'lang',
  'moved',
  'cancelled',
  'amount',
  'currency',
  'reference',
  'returnUrl',
  'signature',
  'cursor',
  'limit',
];

const RAW_QUERIES = [
  '%',
  '%zz',
  '%ED%A0%80=1',
  'a=1&a=2',
  '__proto__[polluted]=1',
  'constructor[prototype][x]=1',
  '&&&',
  '=x',
  'date=2027-02-30&date=2027-03-29',
  `q=${'x'.repeat(9000)}`,
];

/** Ids and tokens of the seeded studio that fit a parameter of a route. */
export function validParam(route: Route, name: string, before: string, p: Pools): string[] {
  const destructive = route.method === 'DELETE' || /\/(delete|revoke|erase)$/.test(route.path);
  if (name === 'token') return route.path.includes('/password/') ? p.passwordTokens : p.tokens;
  if (name === 'slug') return p.slugs;
  if (name === 'reference') return p.references;
  if (name === 'ref') return [...p.slugs, ...p.serviceIds];
  if (name === 'dayOffId') return p.dayOffIds;
  if (name === 'blockId') return p.blockIds;
  if (name === 'calendarId') return p.calendarIds;
  if (name === 'date') return ['2027-04-03', '2027-04-10', '1899-12-31', '3000-01-01', '2027-02-29'];
  if (name === 'file')
    return route.path.startsWith('/feeds') ? p.feedFiles : ['swagger-ui.css', 'swagger-ui-bundle.js'];
  const byCollection: Record<string, string[]> = {
    bookings: p.bookingIds,
    services: destructive ? [p.spare] : p.serviceIds,
    // Removing Ana or Ben would deactivate them and revoke the harness's own keys: only Cara goes.
    staff: destructive ? [p.cara] : p.staffIds,
    webhooks: p.webhookIds,
    resources: p.resourceIds,
    'api-keys': p.spareKeyIds,
    // Erasing takes only the spare client: the others' emails keep the verification flows going.
    clients: destructive ? [p.spareClient] : p.clientIds,
  };
  return byCollection[before] ?? ['1'];
}

function pathArb(route: Route, p: Pools): fc.Arbitrary<string> {
  const segments = route.path.split('/');
  const parts = segments.map((seg, i) => {
    if (!seg.startsWith(':')) return fc.constant(seg);
    const valid = validParam(route, seg.slice(1), segments[i - 1] ?? '', p);
    return fc.oneof(
      { weight: 3, arbitrary: pick(valid) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
    );
  });
  return fc.tuple(...parts).map((xs) => xs.join('/'));
}

function queryArb(route: Route, g: Generators): fc.Arbitrary<string> {
  const documented = Object.keys(g.schemas.get(routeKey(route))?.query?.properties ?? {});
  const names = [
    ...new Set(route.path.startsWith('/api/') && documented.length > 0 ? documented : [...documented, ...PAGE_QUERY]),
  ];
  const value = (name: string) => {
    const named = namedValues(name, g.pools);
    return named && named.length > 0
      ? fc.oneof({ weight: 2, arbitrary: pick(named) }, { weight: 1, arbitrary: anyString })
      : anyString;
  };
  const pairs = fc
    .subarray(names, { maxLength: Math.min(5, names.length) })
    .chain((chosen) => fc.tuple(...chosen.map((n) => value(n).map((v) => `${encode(n)}=${encode(v)}`))));
  return fc
    .tuple(
      fc.oneof({ weight: 1, arbitrary: fc.constant([] as string[]) }, { weight: 4, arbitrary: pairs }),
      fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) }),
    )
    .map(([xs, raw]) => {
      const all = raw ? [...xs, raw] : xs;
      return all.length > 0 ? `?${all.join('&')}` : '';
    });
}

const csrfArb: fc.Arbitrary<Csrf> = fc.oneof(
  { weight: 17, arbitrary: fc.constant('good' as const) },
  { weight: 2, arbitrary: fc.constant('bad' as const) },
  { weight: 1, arbitrary: fc.constant('none' as const) },
);

/** The same path with a method it does not serve (or HEAD), which must be refused cleanly. */
function otherMethod(req: FuzzRequest, method: string): FuzzRequest {
  const { body, ...rest } = req;
  const bodyless = method === 'GET' || method === 'HEAD';
  return { ...rest, method, ...(bodyless || body === undefined ? {} : { body }) };
}

export function requestArb(route: Route, g: Generators): fc.Arbitrary<FuzzRequest> {
  const direct = directRequest(route, g);
  return fc.oneof(
    { weight: 30, arbitrary: direct },
    {
      weight: 1,
      arbitrary: fc
        .tuple(direct, fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'))
        .map(([req, method]) => otherMethod(req, method)),
    },
  );
}

function directRequest(route: Route, g: Generators): fc.Arbitrary<FuzzRequest> {
  const generic = genericRequest(route, g);
  const coherent = coherentForm(route, g.pools);
  if (!coherent) return generic;
  const whole = fc.tuple(generic, coherent).map(([req, c]) => ({
    ...req,
    url: c.path,
    body: { kind: 'form' as const, fields: c.fields },
  }));
  return fc.oneof({ weight: 2, arbitrary: generic }, { weight: 1, arbitrary: whole });
}

function genericRequest(route: Route, g: Generators): fc.Arbitrary<FuzzRequest> {
  const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
  const body = !hasBody
    ? fc.constant(undefined)
    : route.path.startsWith('/api/')
      ? apiBody(route, g)
      : formBody(route, g);
  return fc
    .record({
      path: pathArb(route, g.pools),
      query: queryArb(route, g),
      caller: g.callers,
      csrf: csrfArb,
      headers: headersArb(route),
      body,
    })
    .map(({ path, query, caller, csrf, headers, body: b }) => ({
      route: routeKey(route),
      method: route.method,
      url: `${path}${query}`,
      caller,
      csrf,
      headers,
      ...(b === undefined ? {} : { body: b }),
    }));
}
