import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../app/ports.ts';
import { createMemoryMailer } from './memory.ts';

const mail = (to: string, subject: string): MailMessage => ({ to: [to], subject, html: '', text: '', attachments: [] });

describe('memory mailer', () => {
  it('keeps sent mail in order and filters by recipient, ignoring case', async () => {
    const mailer = createMemoryMailer();
    await mailer.send(mail('Ana@Example.test', 'one'));
    await mailer.send(mail('bruno@example.test', 'two'));
    await mailer.send(mail('ana@example.test', 'three'));
    expect(mailer.sent.map((m) => m.subject)).toEqual(['one', 'two', 'three']);
    expect(mailer.to('ANA@example.TEST').map((m) => m.subject)).toEqual(['one', 'three']);
    expect(mailer.to('nobody@example.test')).toEqual([]);
  });

  it('rejects the next n sends when asked, keeping nothing from them', async () => {
    const mailer = createMemoryMailer();
    mailer.failNext(2);
    await expect(mailer.send(mail('a@x.test', 'one'))).rejects.toThrow('failNext');
    await expect(mailer.send(mail('a@x.test', 'two'))).rejects.toThrow('failNext');
    await mailer.send(mail('a@x.test', 'three'));
    expect(mailer.sent.map((m) => m.subject)).toEqual(['three']);
  });
});
