/**
 * Sends a dashboard account email (an email.account job): a password reset or a staff
 * invitation. As with manage links (decision 010), the single-use token is made here, when the
 * email is sent, and only its SHA-256 is stored: nothing in the job or the database reveals it.
 */
import { randomBytes } from 'node:crypto';
import type { AccountEmailJob } from '../app/model.ts';
import { hashToken } from '../app/tokens.ts';
import { accountEmail } from '../mail/templates/account-email.ts';
import type { EmailDeps } from './send-booking-email.ts';

const HOUR = 3600_000;

/** How long a link works: a reset 1 hour, an invitation 7 days. */
export const PASSWORD_LINK_VALID = {
  reset: { ms: HOUR, words: '1 hour' },
  invite: { ms: 7 * 24 * HOUR, words: '7 days' },
} as const;

export async function sendAccountEmail(deps: EmailDeps, job: AccountEmailJob): Promise<void> {
  const found = await deps.store.getUser(job.userId);
  if (!found) return; // the account was removed meanwhile
  // A member who has set a password since being invited signs in or resets instead.
  if (job.purpose === 'invite' && found.passwordHash !== null) return;
  const now = deps.clock.now();
  const valid = PASSWORD_LINK_VALID[job.purpose];
  const token = randomBytes(32).toString('base64url');
  await deps.store.createPasswordToken({
    tokenHash: hashToken(token),
    userId: found.user.id,
    purpose: job.purpose,
    now,
    expiresAt: now + valid.ms,
  });
  const business = await deps.store.getBusiness();
  const email = accountEmail({
    purpose: job.purpose,
    businessName: business.name,
    name: found.user.name,
    email: found.user.email,
    url: `${deps.publicUrl}/admin/password/${token}`,
    validFor: valid.words,
  });
  await deps.mailer.send({ to: [found.user.email], ...email, attachments: [] });
}
