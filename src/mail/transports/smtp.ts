/**
 * The SMTP transport (nodemailer). `send` resolves once the server accepted the message for at
 * least one recipient; nodemailer rejects when it refused them all or the connection failed, and
 * the job that sent it retries. A partial refusal resolves: retrying would repeat the message to
 * those who already have it.
 */
import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from '../../app/ports.ts';

export interface SmtpMailerOptions {
  /** e.g. `smtps://user:pass@smtp.example.com:465` or `smtp://127.0.0.1:1025`. */
  readonly url: string;
  /** e.g. `Studio <bookings@studio.example>`; a message's own `from` wins. */
  readonly from: string;
}

/** A Mailer over SMTP; `close` ends its connections (at shutdown). */
export function createSmtpMailer(opts: SmtpMailerOptions): Mailer & { close(): void } {
  // Timeouts well inside the job lease (60 s by default): a hung server fails the send, which is
  // retried, instead of outliving the lease and letting another process send the email again.
  // (nodemailer reads options from the URL's query; values the operator put there win.)
  const url = new URL(opts.url);
  for (const [k, v] of Object.entries({
    connectionTimeout: '10000',
    greetingTimeout: '10000',
    socketTimeout: '20000',
  })) {
    if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  }
  // nodemailer is loaded with the first message, not at start-up (a dynamic import of the package
  // itself: the bundle would hoist a static one to its top). docs/PERFORMANCE.md, lazy imports.
  let transport: Promise<Transporter> | null = null;
  const open = () => {
    transport ??= import('nodemailer').then(({ createTransport }) => createTransport(url.toString()));
    return transport;
  };
  return {
    async send(message: MailMessage): Promise<void> {
      await (await open()).sendMail({
        from: message.from ?? opts.from,
        to: [...message.to],
        subject: message.subject,
        html: message.html,
        text: message.text,
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
        // Messages carry their content inline: nodemailer must never read a file or fetch a URL for them.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}
