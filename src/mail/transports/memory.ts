/** A Mailer that keeps what it sends, for tests: read `sent`, or `to(email)` for one recipient's mail. */
import type { Mailer, MailMessage } from '../../app/ports.ts';

export interface MemoryMailer extends Mailer {
  /** Every accepted message, oldest first. */
  readonly sent: MailMessage[];
  /** The accepted messages addressed to this email (case-insensitive). */
  to(email: string): MailMessage[];
  /** Makes the next `n` sends reject (and keep nothing), as a down server would. */
  failNext(n?: number): void;
}

export function createMemoryMailer(): MemoryMailer {
  const sent: MailMessage[] = [];
  let failures = 0;
  return {
    sent,
    async send(message) {
      if (failures > 0) {
        failures--;
        throw new Error('memory mailer: send failed on request (failNext)');
      }
      sent.push(message);
    },
    to(email) {
      const wanted = email.toLowerCase();
      return sent.filter((m) => m.to.some((address) => address.toLowerCase() === wanted));
    },
    failNext(n = 1) {
      failures = n;
    },
  };
}
