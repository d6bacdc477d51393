/**
 * Headers a request may carry besides its caller's credentials: languages, idempotency keys,
 * cookies the pages read, stray Authorization values, forged forwarding headers.
 */
import fc from 'fast-check';
import type { Route } from './routes.ts';
import { oneIn } from './values.ts';

const ACCEPT_LANGUAGE = [
  'fr',
  'de-DE,de;q=0.9,en;q=0.1',
  'es',
  'pt-BR,pt;q=0.9',
  'xx-YY',
  '*',
  'en;q=abc',
  ';;;,,,',
  'a'.repeat(4000),
  'fr-CA;q=2',
];
const IDEMPOTENCY_KEYS = ['k-1', 'k-1', 'k-2', ' ', '', 'x'.repeat(201), 'k\tkey', 'ключ'.replace(/./g, 'é')];

/** Cookies the pages read (the visitor's zone and language), real and hostile. */
const COOKIES = [
  'tz=America%2FNew_York',
  'tz=Mars%2FOlympus',
  'tz=%ED%A0%80',
  'lang=fr',
  'lang=xx; tz=',
  'tz=Europe/Paris; tz=UTC',
  '=; ;;',
  `tz=${'x'.repeat(3000)}`,
  'slotwise_session=%ZZ',
  'slotwise_session="sws_quoted"',
  'slotwise_session=; slotwise_session=sws_x',
];

/** Credentials that are not quite credentials (sent by callers that hold none). */
const AUTHORIZATIONS = [
  'Bearer',
  'Bearer ',
  'Bearer  swk_x',
  'bearer swk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'Basic YWRtaW46YWRtaW4=',
  `Bearer ${'x'.repeat(5000)}`,
  'Bearer swk_é',
  'Token abc',
  'Bearer swk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, Bearer swk_B',
];

/** Forwarding headers a client may forge (a rate limit or a log must not trust or choke on them). */
const FORWARDED = ['1.2.3.4', '::1', 'garbage', '1.2.3.4, 5.6.7.8', '', `${'9'.repeat(300)}`, '127.0.0.1:99999'];

export function headersArb(route: Route): fc.Arbitrary<Record<string, string>> {
  const lang = oneIn(3, fc.constantFrom(...ACCEPT_LANGUAGE));
  const idem = route.path === '/api/v1/bookings' ? oneIn(2, fc.constantFrom(...IDEMPOTENCY_KEYS)) : fc.constant(null);
  const cookie = oneIn(route.path.startsWith('/api/') ? 8 : 3, fc.constantFrom(...COOKIES));
  const auth = oneIn(12, fc.constantFrom(...AUTHORIZATIONS));
  const forwarded = oneIn(6, fc.constantFrom(...FORWARDED));
  return fc.tuple(lang, idem, cookie, auth, forwarded).map(([l, k, c, a, f]) => ({
    ...(l === null ? {} : { 'accept-language': l }),
    ...(k === null ? {} : { 'idempotency-key': k }),
    ...(c === null ? {} : { cookie: c }),
    ...(a === null ? {} : { authorization: a }),
    ...(f === null ? {} : { 'x-forwarded-for': f }),
  }));
}
