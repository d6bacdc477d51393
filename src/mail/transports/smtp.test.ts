import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../app/ports.ts';
import { createSmtpMailer } from './smtp.ts';

const ICS =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:sw-7k2m9q@slotwise\r\nSUMMARY:Haircut – Bruno\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

const message = (to: string): MailMessage => ({
  to: [to],
  subject: 'Booking confirmed: Haircut – Sun 28 Mar (SW-7K2M9Q)',
  html: '<p>Hello Ana &amp; co,</p>',
  text: 'Hello Ana & co,\n',
  attachments: [{ filename: 'booking.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content: ICS }],
});

/** Raw messages the server accepted, in order. */
const received: Buffer[] = [];
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.endsWith('@refused.test')) callback(new Error('no such mailbox'));
    else callback();
  },
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push(Buffer.concat(chunks));
      callback();
    });
  },
});
let mailer: ReturnType<typeof createSmtpMailer>;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'Studio <bookings@studio.test>' });
});

afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => server.close(resolve));
});

describe('SMTP mailer against a real SMTP server', () => {
  it('delivers from, to, subject, text, html and the calendar attachment intact', async () => {
    const before = received.length;
    await mailer.send(message('ana@example.test'));
    expect(received).toHaveLength(before + 1);
    const parsed = await simpleParser(received.at(-1) ?? Buffer.alloc(0));
    expect(parsed.from?.value).toEqual([{ name: 'Studio', address: 'bookings@studio.test' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : []).toEqual([
      'ana@example.test',
    ]);
    expect(parsed.subject).toBe('Booking confirmed: Haircut – Sun 28 Mar (SW-7K2M9Q)');
    expect(parsed.text).toBe('Hello Ana & co,\n');
    expect(parsed.html).toBe('<p>Hello Ana &amp; co,</p>');
    const calendars = parsed.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(calendars.map((a) => a.filename)).toEqual(['booking.ics']);
    expect(calendars[0]?.content.toString('utf8')).toBe(ICS);
  });

  it('rejects when the server refuses the recipient, so the job can retry', async () => {
    const before = received.length;
    await expect(mailer.send(message('ghost@refused.test'))).rejects.toThrow(/no such mailbox|rejected/);
    expect(received).toHaveLength(before);
  });
});
