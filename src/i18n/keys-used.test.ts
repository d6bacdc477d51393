/**
 * Every key of the reference catalogues (emails: en.ts, pages: pages/en.ts) is read somewhere in
 * src — a key no code uses is dead wording that translators keep paying for. The other locales
 * have exactly en's keys (catalogues.test.ts, pages/catalogues.test.ts), so checking en covers them.
 *
 * How a use is found, by reading the source (no type checker, so the rules are explicit):
 * - a property chain from a catalogue root: `m.book.title`, `ctx.m.book.title`,
 *   `messagesFor(x).calendar.summary` (`m` is the name every file gives a catalogue);
 * - through an alias: `const l = m.labels;` then `l.price` (a ternary alias maps to both sides);
 * - a key chosen at run time by an index (`m.manage.statuses[status]`) counts for every key under
 *   it only when its prefix is listed in DYNAMIC below, and each listed prefix must really be
 *   indexed somewhere, so the list cannot go stale either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dashboardMessagesFor } from './dashboard/index.ts';
import { en as emails } from './en.ts';
import { en as pages } from './pages/en.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Prefixes whose children are picked by a run-time value (an enum of the domain), per catalogue. */
const DYNAMIC = {
  emails: [
    'booking.client.subject', // [event]: confirmed | rescheduled | cancelled | reminder
    'booking.client.intro',
    'booking.team.subject',
    'booking.team.intro',
    'unappliedPayment.reasons', // [data.reason]: the unapplied-payment reasons
    'refundKinds', // [refund.kind]: the cancellation tiers' refund kinds
  ],
  pages: ['manage.statuses'], // [status]: the booking statuses
  dashboard: [
    'staff.days', // [day]: the weekdays (helper B)
    'waitlist.statuses', // [status]: waiting | booked | left
    'bookings.statuses', // [status]: the booking statuses
    'bookings.outcomesInline', // [outcome]: completed | no_show
    'bookings.refunds', // [refund kind]
    'bookings.slotReasons', // [reason]: a refused slot's reason (API.md)
    'bookings.problems', // [message]: the schemas' field messages the booking forms translate
    'bookings.done', // [?done=]: the notice after a change
    'bookings.detail.paymentOptions', // [payment option]
    'bookings.detail.unapplied', // [reason]: why a payment was not applied
    'bookings.calendar.script', // [key]: handed whole to admin-calendar.js
    'catalogue.done', // [?done=]: the notice after a change
    'catalogue.labels', // [field]: the service form's labels, by field name
    'catalogue.problems', // [message]: the field problems the service form translates
    'catalogue.questions.types', // [question type]
    'catalogue.questions.refunds', // [refund kind]
    'catalogue.questions.languages', // [language tag]
    'formKit.said', // [message]: the schemas' and use cases' field messages, by their English words
    'reports.csv.columns', // [column]: the CSV download's header, by the API's column name
    'settings.labels', // [field]: the settings form's labels, by field name
    'settings.languages', // [locale]
    'settings.problems', // [message]: the field problems the settings form translates
    'webhooks.done', // [?done=]: the notice after a change
    'webhooks.events', // [event]: what each webhook event announces
    'webhooks.errors.urlProblems', // [problem]: the use case's words about a webhook URL
  ] as string[],
} as const;

type Which = keyof typeof DYNAMIC;

function leaves(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [path];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

/** The catalogue files themselves and tests are not uses. */
const CATALOGUE = /^i18n\/((pages\/)?(en|fr|de|es|pt)\.ts|dashboard\/)/;

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    const rel = relative(SRC, path);
    const wanted = /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !CATALOGUE.test(rel);
    return wanted ? [path] : [];
  });
}

/**
 * Which catalogue a file reads: emails (i18n/messages.ts), pages (PageMessages / PageContext), or
 * the dashboard's (every file of http/admin, where the catalogue is `t`, from the layout's shell).
 */
function catalogueOf(text: string, rel: string): Which | null {
  if (rel.startsWith('http/admin/') || /i18n\/dashboard\/index\.ts'/.test(text)) return 'dashboard';
  if (/i18n\/messages\.ts'|from '\.\/messages\.ts'/.test(text)) return 'emails';
  if (/page-messages\.ts'|pages\/context\.ts'|from '\.\/context\.ts'/.test(text)) return 'pages';
  return null;
}

const ROOT = /(?:\bm|(?:pageMessagesFor|messagesFor)\([^()]*\))((?:\s*\??\.\s*[A-Za-z_]\w*)+)(\s*\[)?/g;
/** The dashboard's catalogue is `t` (`shell.t.bookings.title`, `const { t } = shell`). */
const DASHBOARD_ROOT = /(?:\bt|dashboardMessagesFor\([^()]*\))((?:\s*\??\.\s*[A-Za-z_]\w*)+)(\s*\[)?/g;

/** The catalogue paths (full or partial) a file reads, and those it indexes with `[…]`. */
function accesses(text: string, root = ROOT, rootName = 'm'): { read: Set<string>; indexed: Set<string> } {
  const read = new Set<string>();
  const indexed = new Set<string>();
  const chain = (raw: string) => raw.replace(/[\s?]/g, '').slice(1);
  const aliases = new Map<string, string[]>();
  for (const [, name = '', rhs = ''] of text.matchAll(/\bconst\s+(\w+)\s*=\s*([^;\n]+)/g)) {
    const prefixes = [...rhs.matchAll(root)].map((r) => chain(r[1] ?? ''));
    if (prefixes.length > 0 && name !== rootName) aliases.set(name, prefixes);
  }
  const note = (path: string, isIndexed: boolean) => {
    read.add(path);
    if (isIndexed) indexed.add(path);
  };
  for (const r of text.matchAll(root)) note(chain(r[1] ?? ''), r[2] !== undefined);
  for (const [name, prefixes] of aliases) {
    const use = new RegExp(`\\b${name}((?:\\s*\\??\\.\\s*[A-Za-z_]\\w*)+)(\\s*\\[)?`, 'g');
    for (const r of text.matchAll(use)) {
      for (const prefix of prefixes) note(`${prefix}.${chain(r[1] ?? '')}`, r[2] !== undefined);
    }
  }
  return { read, indexed };
}

function scan() {
  const found = { emails: accesses(''), pages: accesses(''), dashboard: accesses('') };
  for (const file of sourceFiles()) {
    const text = readFileSync(file, 'utf8');
    const which = catalogueOf(text, relative(SRC, file));
    if (!which) continue;
    const { read, indexed } = which === 'dashboard' ? accesses(text, DASHBOARD_ROOT, 't') : accesses(text);
    for (const p of read) found[which].read.add(p);
    for (const p of indexed) found[which].indexed.add(p);
  }
  return found;
}

/** A leaf is used when a read chain names it, or names a listed dynamic prefix of it (indexed). */
function unused(catalogue: object, which: Which, found: ReturnType<typeof accesses>): string[] {
  const reads = [...found.read];
  return leaves(catalogue).filter((leaf) => {
    const named = reads.some((r) => r === leaf || r.startsWith(`${leaf}.`));
    const dynamic = DYNAMIC[which].some((d) => leaf.startsWith(`${d}.`) && found.indexed.has(d));
    return !named && !dynamic;
  });
}

describe('catalogue keys no code uses', () => {
  const found = scan();

  it.each([
    ['emails', emails],
    ['pages', pages],
    ['dashboard', dashboardMessagesFor('en')],
  ] as const)('every %s key is read by some code in src', (which, catalogue) => {
    expect(unused(catalogue, which, found[which])).toEqual([]);
  });

  it.each(Object.entries(DYNAMIC) as [Which, readonly string[]][])(
    'each listed dynamic %s prefix is really indexed at run time',
    (which, prefixes) => {
      expect(prefixes.filter((p) => !found[which].indexed.has(p))).toEqual([]);
    },
  );

  it('the scanner sees an unused key, an alias and an index (self-check on a sample)', () => {
    const sample = accesses(
      'const l = m.labels;\nconst w = ok ? m.booking.client : m.booking.team;\nl.price; w.subject[event](a); ctx.m.book.title;',
    );
    expect([...sample.read].sort()).toEqual([
      'book.title',
      'booking.client',
      'booking.client.subject',
      'booking.team',
      'booking.team.subject',
      'labels',
      'labels.price',
    ]);
    expect([...sample.indexed].sort()).toEqual(['booking.client.subject', 'booking.team.subject']);
    expect(unused({ labels: { price: '', paid: '' } }, 'emails', sample)).toEqual(['labels.paid']);
  });
});
