/**
 * Runs an `email.my-bookings` job: when the address has bookings, makes a single-use link valid 30
 * minutes (the token exists in clear only here and in the email; its SHA-256 is stored) and sends
 * it; otherwise sends nothing. The request that queued the job answered the same either way.
 */
import { MY_BOOKINGS_LINK_MS } from '../app/clients/my-bookings.ts';
import type { MyBookingsEmailJob } from '../app/model.ts';
import { hashToken, newManageToken } from '../app/tokens.ts';
import { myBookingsEmail } from '../mail/templates/my-bookings-email.ts';
import type { EmailDeps } from './send-booking-email.ts';

export async function sendMyBookingsEmail(deps: EmailDeps, job: MyBookingsEmailJob): Promise<void> {
  if (!(await deps.store.hasBookings(job.email))) return;
  const now = deps.clock.now();
  const token = newManageToken();
  await deps.store.createMyBookingsLink({
    tokenHash: hashToken(token),
    email: job.email,
    now,
    expiresAt: now + MY_BOOKINGS_LINK_MS,
  });
  const business = await deps.store.getBusiness();
  const email = myBookingsEmail({
    locale: job.locale,
    businessName: business.name,
    url: `${deps.publicUrl}/my-bookings/${token}`,
    validMinutes: MY_BOOKINGS_LINK_MS / 60_000,
  });
  await deps.mailer.send({ to: [job.email], ...email, attachments: [] });
}
