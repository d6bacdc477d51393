/** Development helpers (API.md): the dev outbox as JSON, only when mail goes to the outbox. */
import { Hono } from 'hono';
import type { DevMailbox, StoredMail } from '../../app/ports.ts';
import { sendError } from '../errors.ts';

export const presentMail = (m: StoredMail) => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  text: m.text,
  html: m.html,
  attachments: m.attachments,
  sentAt: new Date(m.sentAt).toISOString(),
});

export function devApi(mailbox: DevMailbox): Hono {
  const api = new Hono();
  api.get('/mailbox', async (c) => {
    const to = c.req.query('to');
    if (to !== undefined && to.length > 320) {
      return sendError(c, 'VALIDATION_FAILED', 'to is too long.', { fields: { to: 'at most 320 characters' } });
    }
    const messages = await mailbox.list(to || undefined);
    return c.json({ messages: messages.map(presentMail) });
  });
  return api;
}
