/** The dev outbox's table: messages kept instead of sent, listed newest first. */
import type { DevMailbox, MailAttachment, MailMessage, StoredMail } from '../app/ports.ts';
import { iso, ms } from './rows.ts';
import { NO_DISK_WAIT, type Sql } from './sql.ts';

export function createDevMailbox(sql: Sql): DevMailbox {
  return {
    async save(m: MailMessage, now: number) {
      // No wait for the disk (decision 017): the job's completion, a synchronous commit written
      // after this one, takes it to the disk too; lost with it in a crash, the job runs again.
      // synchronous_commit is set for this statement's own transaction and read at its commit.
      await sql.query(
        `WITH ${NO_DISK_WAIT}
         INSERT INTO dev_mailbox (recipients, subject, text_body, html_body, attachments, sent_at)
         SELECT $1, $2, $3, $4, $5, $6 FROM durability`,
        [m.to, m.subject, m.text, m.html, JSON.stringify(m.attachments), iso(now)],
      );
    },
    async list(to?: string) {
      const rows = to
        ? await sql.query(
            `SELECT * FROM dev_mailbox WHERE EXISTS (SELECT 1 FROM unnest(recipients) r WHERE lower(r) = lower($1))
             ORDER BY id DESC LIMIT 500`,
            [to],
          )
        : await sql.query('SELECT * FROM dev_mailbox ORDER BY id DESC LIMIT 500');
      return rows.map(
        (r): StoredMail => ({
          id: String(r.id),
          to: r.recipients as string[],
          subject: String(r.subject),
          text: String(r.text_body),
          html: String(r.html_body),
          attachments: (typeof r.attachments === 'string'
            ? JSON.parse(r.attachments)
            : r.attachments) as MailAttachment[],
          sentAt: ms(r.sent_at),
        }),
      );
    },
  };
}
