/** The dev outbox transport: "sending" keeps the message in the database for /dev/mailbox. */
import type { Clock, DevMailbox, Mailer } from '../../app/ports.ts';

export function createDevOutboxMailer(mailbox: DevMailbox, clock: Clock): Mailer {
  return { send: (message) => mailbox.save(message, clock.now()) };
}
