/**
 * Hostile values: the strings, numbers and shapes a careless or malicious client sends. Each is
 * small except the deliberately huge ones; the oversized bodies are built at send time (see
 * requests.ts) so a failing case prints short.
 */
import fc from 'fast-check';

/**
 * URLs for fields that take one (webhooks; calendar feeds later): every spelling of a loopback,
 * private or link-local address the WHATWG parser normalises (decimal, octal, hex, short forms,
 * IPv4-mapped IPv6, a trailing dot), names resolving to loopback (support/outbound.ts), other
 * schemes, credentials, and odd shapes. Saving one is a 400 (URL_NOT_ALLOWED or
 * VALIDATION_FAILED); none is ever sent to: the fuzzer's worker refuses private addresses and
 * resolves names from the test table.
 */
export const URL_SPELLINGS: readonly string[] = [
  'http://127.0.0.1:9/hook',
  'http://2130706433/',
  'http://017700000001/',
  'http://0x7f000001/',
  'http://0x7f.1/',
  'http://127.1/',
  'http://0/',
  'http://[::1]:9/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[0:0:0:0:0:ffff:7f00:1]/',
  'http://[64:ff9b::7f00:1]/',
  'http://[fe80::1]/',
  'http://[fd00::1]/',
  'http://10.0.0.1/',
  'http://172.16.0.1/',
  'http://192.168.0.1/',
  'http://100.64.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://localhost/',
  'http://LOCALHOST./',
  'http://hooks.loopback.test/',
  'http://%31%32%37.0.0.1/',
  'http://①②⑦.0.0.1/',
  'http://4294967296/',
  'http://[fe80::1%25eth0]/',
  'file:///etc/passwd',
  'gopher://127.0.0.1:25/',
  'ftp://hooks.example.test/',
  'javascript:alert(1)',
  'data:text/plain,hi',
  'http://user:pw@hooks.example.test/',
  'https://hooks.example.test:99999/',
  'http://',
  '//hooks.example.test/relative',
  `https://hooks.example.test/${'a'.repeat(2100)}`,
];

/** Strings that have broken parsers, databases, renderers or time code somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '%00',
  '\uD800', // lone high surrogate
  '\uDC00x', // lone low surrogate
  'x\uDBFF',
  '\u202Eevil\u202C', // right-to-left override
  'مرحبا بالعالم',
  'שלום',
  '\u200B\u200C\u200D\uFEFF', // zero-width characters, byte-order mark
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301',
  'Ω≈ç√∫˜µ≤≥÷',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE bookings; --",
  '../../../../etc/passwd',
  '%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as written
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '0x1F',
  '1.5',
  'true',
  '[]',
  '{}',
  'any',
  'ANY',
  'x'.repeat(257),
  'y'.repeat(5_000),
  'é'.repeat(20_000),
  // odd dates and times
  '2027-02-30',
  '2027-02-29',
  '2028-02-29',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '2027-13-01',
  '2027-00-10',
  '2027-1-1',
  '2027-03',
  '2027-3',
  '2027-W13',
  '-002027-03-29',
  '+275760-09-13',
  '2027-03-28T02:30:00', // no offset, in Paris's spring-forward gap
  '2027-03-28T02:30:00+01:00',
  '2027-03-28T02:30:00+02:00',
  '2027-03-28T02:30:00[Europe/Paris]',
  '2027-10-31T02:30:00+02:00', // Paris's repeated hour
  '2027-03-14T02:30:00-05:00', // New York's gap (Ben)
  '2027-03-29T24:00:00+02:00',
  '2027-03-29T23:59:60+02:00',
  '2027-03-29T09:00:00+25:00',
  '2027-03-29T09:00:00+02',
  '2027-03-29T09:00:00.123456789+02:00',
  '2027-03-29T09:00:00Z',
  '2027-03-29t09:00:00z',
  '2027-03-29 09:00:00+02:00',
  '+275760-09-13T00:00:00Z',
  '1900-01-01T00:00:00Z',
  '1899-12-31T23:00:00-01:00',
  '2999-12-31T23:59:59-12:00',
  '0000-01-01T00:00:00Z',
  '24:00',
  '25:61',
  '-01:00',
  '9:5',
  // zones
  'Europe/Paris',
  'europe/paris',
  'America/New_York',
  'Mars/Olympus_Mons',
  'UTC',
  'Etc/GMT+14',
  'Etc/GMT-15',
  '+02:00',
  'EST5EDT',
  'Factory',
  'Europe/../../etc',
  'America/Argentina/ComodRivadavia',
  // addresses
  'a@b.co',
  'ANA@STUDIO.TEST',
  'ana@studio.test',
  'ana@studio.test\r\nBcc: x@y.z',
  '@',
  'a@b',
  'x@localhost',
  'http://127.0.0.1:1/x',
  'https://example.test/hook',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'https://user:pass@[::1]:99999/',
];

/** Keys that pollute prototypes or confuse code that treats bodies as plain objects. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', '', ' ', 'a.b', '0', '\u0000'];

/**
 * One element of an array as it is when the value is drawn (the fuzzer adds the bookings and
 * tokens it creates to the pools, so later requests can act on them).
 */
export function pick<T>(items: readonly T[]): fc.Arbitrary<T> {
  if (items.length === 0) throw new Error('pick from an empty pool');
  return fc.nat().map((i) => items[i % items.length] as T);
}

/** `arb` once in `n` draws, else null. */
export function oneIn<T>(n: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/** Any string: hostile ones most often, random ones (full unicode, including surrogates) too. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** JSON values of the wrong type for almost any field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.constantFrom('a', 1, null), { maxLength: 3 }),
  fc.constant({ __proto__: null, nested: { deeper: [1, { x: '\uD800' }] } }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')),
);

/** Any value a JSON field might be given. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 2, arbitrary: wrongType },
);

/** A nesting `depth` deep (within the body limit): arrays, objects or a mix. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Texts that are not a JSON object: broken JSON, other top-level values, deep nesting. */
export const notAnObject: fc.Arbitrary<string> = fc.constantFrom(
  '',
  ' ',
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  'NaN',
  '\uFEFF{}',
  '{}garbage',
  '[]',
  '[{}]',
  '"a string"',
  '42',
  '-0',
  '1e999',
  'null',
  'true',
  '{"a":"\\uD800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  deeplyNested(20_000, 'array'),
  deeplyNested(8_000, 'object'),
  `{${Array.from({ length: 3000 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
  '{"a":1,"a":2}',
);

/** Content types other than JSON, and JSON spelled in ways that should still count. */
export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=latin1',
  'text/plain',
  'text/html',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'multipart/form-data',
  'application/jsonx',
  'application/json-patch+json',
  'application/vnd.api+json',
  '*/*',
  ';',
  'application/json; boundary=',
] as const;
