/**
 * Production mail end to end: the server started as main.ts starts it, with MAIL_URL pointing at
 * a real SMTP server (smtp-server, in-process, 127.0.0.1), sends a booking's confirmations over
 * SMTP through its background worker — From = MAIL_FROM, calendar file attached — and offers no
 * dev mailbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createSmtpMailer } from '../src/mail/transports/smtp.ts';
import { openRuntime, type Runtime, type Served, startServer } from '../src/main.ts';
import { STUDIO } from './support/studio.ts';
import { seedDataDir } from './support/templates.ts';

const received: ParsedMail[] = [];
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});

let dir: string;
let rt: Runtime;
let served: Served;
const lines: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-smtp-')));
  const config = loadConfig(
    {
      SLOTWISE_DATA_DIR: dir,
      MAIL_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Test Studio <bookings@studio.test>',
      PORT: '0',
    },
    {},
  );
  if (!config.ok) throw new Error(config.problems.join('\n'));
  rt = await openRuntime(config.config);
  await rt.store.applySetup(STUDIO, async (p) => p);
  served = await startServer(rt, { demo: false, log: (l) => lines.push(l) });
}, 60_000);

afterAll(async () => {
  await served?.close();
  await rt?.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

it('sends the confirmations over SMTP, with the calendar file', async () => {
  expect(served.mail).toBe('smtp');
  // The last slot of the first day with slots, whatever today is.
  const month = new Date().toISOString().slice(0, 7);
  const view = (await (
    await fetch(`${served.url}/api/v1/availability/month?service=consult&staff=1&month=${month}`)
  ).json()) as { firstAvailable: string };
  const slots = (await (
    await fetch(`${served.url}/api/v1/availability/day?service=consult&staff=1&date=${view.firstAvailable}`)
  ).json()) as { slots: { start: string }[] };
  const start = slots.slots.at(-1)?.start;
  const created = await fetch(`${served.url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'consult',
      staff: '1',
      start,
      client: { name: 'Ada', email: 'ada@example.com' },
      payment: 'none',
    }),
  });
  expect(created.status).toBe(201);
  const { booking } = (await created.json()) as { booking: { reference: string } };
  for (let i = 0; i < 100 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  expect(received.map((m) => [m.from?.text, m.to && !Array.isArray(m.to) ? m.to.text : null]).sort()).toEqual([
    ['"Test Studio" <bookings@studio.test>', 'ada@example.com'],
    ['"Test Studio" <bookings@studio.test>', 'ana@studio.test'],
  ]);
  const client = received.find((m) => m.subject?.startsWith('Booking confirmed')) as ParsedMail;
  expect(client.subject).toContain(booking.reference);
  expect(client.attachments.map((a) => [a.filename, a.contentType])).toEqual([
    [`${booking.reference}.ics`, 'text/calendar'],
  ]);
  expect(client.attachments[0]?.content.toString()).toContain(`UID:${booking.reference.toLowerCase()}@slotwise`);
  expect(lines).toEqual([]); // no job failed
});

it('has no dev mailbox when mail really goes out', async () => {
  expect((await fetch(`${served.url}/api/v1/dev/mailbox`)).status).toBe(404);
  expect((await fetch(`${served.url}/dev/mailbox`)).status).toBe(404);
});

it("uses a message's own sender (the business's mail sender) and the transport's default otherwise", async () => {
  received.length = 0;
  const mailer = createSmtpMailer({
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    from: 'X <x@x.test>',
  });
  await mailer.send({
    to: ['a@example.com'],
    from: 'Lumen <hello@lumen.test>',
    subject: 's',
    html: '<p>h</p>',
    text: 'h',
    attachments: [],
  });
  await mailer.send({ to: ['b@example.com'], subject: 's', html: '<p>h</p>', text: 'h', attachments: [] });
  mailer.close();
  expect(received.map((m) => m.from?.text)).toEqual(['"Lumen" <hello@lumen.test>', '"X" <x@x.test>']);
});
