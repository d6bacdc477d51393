/**
 * Every email the hostile studio (hostile-studio.ts) made the job handlers send — booking
 * confirmed, changed, cancelled and reminded (client, staff member, owner), the verification
 * code, the staff invitation, the password reset, the return page's link email and the owner's
 * unapplied-payment email, the waitlist's joined and offer emails — read from the memory mailer: the HTML has
 * no payload as markup and shows the hostile values escaped; the text part has them as typed; a
 * name with CR LF adds no header (the subject is one line, and the message nodemailer builds from
 * it has only the headers it should); and the calendar files — attached, served to the manage
 * page and in a staff feed — keep a name's line break inside its property instead of starting a
 * new one (no ATTENDEE appears).
 */
import ICAL from 'ical.js';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../src/app/ports.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { PUBLIC_URL } from '../support/lifecycle.ts';
import { CLIENT_NAME, type HostileStudio, hostileStudio, SERVICE_NAME, V } from './hostile-studio.ts';
import { escapeHtml, markupProblems } from './html-check.ts';

let tdb: TestDatabase;
let s: HostileStudio;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
  s = await hostileStudio(tdb);
}, 120_000);
afterAll(async () => {
  expect(s?.d.errors ?? []).toEqual([]);
  await tdb.close();
});

/** What an email is, from its subject. */
function kindOf(subject: string): string {
  return (
    /^(You are invited|Reset your password|Booking confirmed|New booking|Booking changed|Booking cancelled|Reminder|Your booking|Payment not applied|You are on the waitlist|A time is free for you)/.exec(
      subject,
    )?.[1] ?? (/^\d{6} is your code/.test(subject) ? 'code' : subject)
  );
}

/** The hostile values each kind of email shows (HTML escaped, text as typed), by recipient. */
function showsOf(m: MailMessage): string[] {
  const kind = kindOf(m.subject);
  const to = m.to.join();
  const service = m.subject.includes('Two <script>') ? V.service2 : V.service;
  const client = to === 'eve@example.com' || m.subject.includes('Cli <script>') ? V.client : V.client2;
  const team = to === 'ana@studio.test' || to === 'owner@studio.test';
  if (kind === 'You are invited') return [V.business, V.ben];
  if (kind === 'Reset your password') return [V.business, V.adminName];
  if (kind === 'code') return [V.business, V.client, V.service2];
  // The waitlist: a hostile client waits for the consultation, and its freed start is offered.
  if (kind === 'You are on the waitlist' || kind === 'A time is free for you')
    return [V.business, V.service2, V.client2];
  // The return page's link email and the owner's unapplied-payment email, both about the paying booking.
  if (kind === 'Your booking' || kind === 'Payment not applied') return [V.business, V.service, V.client2];
  const shows: string[] = [V.business, service, client];
  if (team) shows.push(V.notes);
  if (kind === 'Booking cancelled') shows.push(V.cancelReason);
  return shows;
}

describe('every email', () => {
  it('was sent: each kind, to each of its recipients', () => {
    expect(s.d.mail.sent.map((m) => `${kindOf(m.subject)} → ${m.to.join()}`)).toEqual([
      'You are invited → ben@studio.test',
      'Reset your password → owner@studio.test',
      'Booking confirmed → eve@example.com',
      'New booking → ana@studio.test',
      'New booking → owner@studio.test',
      'Booking changed → eve@example.com',
      'Booking changed → ana@studio.test',
      'Booking changed → owner@studio.test',
      'Booking confirmed → mallory@example.com',
      'New booking → ana@studio.test',
      'New booking → owner@studio.test',
      'You are on the waitlist → wendy@example.com',
      'Booking cancelled → mallory@example.com',
      'Booking cancelled → ana@studio.test',
      'Booking cancelled → owner@studio.test',
      'A time is free for you → wendy@example.com',
      'code → eve@example.com',
      'Reminder → eve@example.com',
      'Your booking → trudy@example.com',
      'Payment not applied → owner@studio.test',
    ]);
  });

  it('HTML: no payload as markup, the hostile values shown escaped', () => {
    for (const m of s.d.mail.sent) {
      const label = `${kindOf(m.subject)} → ${m.to.join()}`;
      expect.soft(markupProblems(m.html, 'email'), label).toEqual([]);
      expect
        .soft(
          showsOf(m).filter((v) => !m.html.includes(escapeHtml(v))),
          `${label}: HTML shows`,
        )
        .toEqual([]);
    }
  });

  it('text: the values as typed, links only to this site', () => {
    for (const m of s.d.mail.sent) {
      const label = `${kindOf(m.subject)} → ${m.to.join()}`;
      expect
        .soft(
          showsOf(m).filter((v) => !m.text.includes(v)),
          `${label}: text shows`,
        )
        .toEqual([]);
      const links = m.text.match(/https?:\/\/\S+/g) ?? [];
      expect
        .soft(
          links.filter((l) => !l.startsWith(`${PUBLIC_URL}/`)),
          label,
        )
        .toEqual([]);
    }
  });

  it('a CR LF in a name adds no header: one-line subjects, and only the expected headers on the wire', async () => {
    // The options smtp.ts gives nodemailer, composed by nodemailer itself (no server needed).
    const transport = createTransport({ streamTransport: true, buffer: true });
    for (const m of s.d.mail.sent) {
      expect(m.subject).not.toMatch(/[\r\n\u2028\u2029]/);
      const info = await transport.sendMail({
        from: m.from ?? 'Slotwise <bookings@localhost>',
        to: [...m.to],
        subject: m.subject,
        html: m.html,
        text: m.text,
        attachments: m.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      const raw = (info.message as Buffer).toString('utf8');
      const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
      const names = head.split('\r\n').map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
      expect(names.sort(), m.subject.slice(0, 40)).toEqual(
        ['content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to'].sort(),
      );
      expect(head).toContain(`To: ${m.to.join()}`);
    }
  });
});

/** The properties of a calendar file, unfolded, by name; and its events as ical.js reads them. */
function calendar(content: string) {
  const lines = content
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const names = [...new Set(lines.map((l) => /^[A-Z-]+/.exec(l)?.[0] ?? l))].sort();
  const cal = new ICAL.Component(ICAL.parse(content));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { names, cal, events };
}

const ICS_PROPERTIES = [
  'BEGIN',
  'DESCRIPTION',
  'DTEND',
  'DTSTAMP',
  'DTSTART',
  'END',
  'METHOD',
  'NAME',
  'PRODID',
  'SEQUENCE',
  'STATUS',
  'SUMMARY',
  'UID',
  'URL',
  'VERSION',
  'X-WR-CALNAME',
];

describe('calendar files', () => {
  it('attached to emails: a line break in a name stays inside SUMMARY and DESCRIPTION', () => {
    const files = s.d.mail.sent.flatMap((m) => m.attachments.map((a) => ({ subject: m.subject, a })));
    expect(files).toHaveLength(13);
    for (const { subject, a } of files) {
      const { names, cal, events } = calendar(a.content);
      expect(
        names.filter((n) => !ICS_PROPERTIES.includes(n)),
        subject.slice(0, 40),
      ).toEqual([]);
      expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(V.business);
      const [event] = events;
      const service = subject.includes('Two <script>') ? V.service2 : SERVICE_NAME;
      expect(event?.summary).toBe(`${service} with ${V.ana}`);
      expect(event?.description.startsWith(`${V.business}: ${service} with ${V.ana}.\n`)).toBe(true);
    }
  });

  it('served to the manage page', async () => {
    const r = await s.d.app.request(`/api/v1/manage/${s.bookings.moved.token}/calendar.ics`);
    expect(r.status).toBe(200);
    const { names, events } = calendar(await r.text());
    expect(names.filter((n) => !ICS_PROPERTIES.includes(n))).toEqual([]);
    expect(events.map((e) => e.summary)).toEqual([`${SERVICE_NAME} with ${V.ana}`]);
  });

  it("in Ana's feed: the client's CR LF and the service's LF stay inside their properties", async () => {
    const feed = await s.d.as('admin', 'POST', `staff/${s.ids.ana}/feed`);
    expect(feed.status).toBe(201);
    const r = await s.d.app.request(new URL(feed.body.url as string).pathname);
    expect(r.status).toBe(200);
    const { names, cal, events } = calendar(await r.text());
    const feedProperties = [...ICS_PROPERTIES, 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL'];
    expect(names.filter((n) => !feedProperties.includes(n))).toEqual([]);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(`${V.business}: ${V.ana}`);
    // ical.js reads a CR LF written as "\n" back as a line feed.
    const eve = CLIENT_NAME.replace('\r\n', '\n');
    // Confirmed bookings only: the moved one (the other of Eve's waits for her code).
    expect(events.map((e) => e.summary)).toEqual([`${SERVICE_NAME} — ${eve}`]);
    expect(events[0]?.description).toContain(`Client: ${eve}\n`);
  });
});
