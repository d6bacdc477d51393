/**
 * Makes and sends a verification code (an email.verification job). The code exists in clear only
 * in this function and the email: it is stored as a keyed hash first (replacing any earlier code
 * and resetting the tries), then sent with a link to the page where it is entered.
 */
import { statusAt } from '../app/allowances.ts';
import { bookingIn } from '../app/content-language.ts';
import type { Clock, Mailer, Store } from '../app/ports.ts';
import { hashCode, hashToken, newCode, newManageToken } from '../app/tokens.ts';
import { CODE_VALID_MS } from '../core/index.ts';
import { verificationEmail } from '../mail/templates/verification-email.ts';

export interface VerificationEmailDeps {
  readonly store: Store;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly secret: string;
}

export async function sendVerificationEmail(
  deps: VerificationEmailDeps,
  payload: { bookingId: string },
): Promise<void> {
  const booking = await deps.store.getBooking(payload.bookingId);
  const now = deps.clock.now();
  if (!booking || statusAt(booking, now) !== 'pending_verification') return; // verified or lapsed meanwhile
  if (!booking.client.email) return; // erased meanwhile (SPEC §11)
  const business = await deps.store.getBusiness();
  const code = newCode();
  await deps.store.storeCode(booking.id, hashCode(deps.secret, booking.id, code), now);
  const token = newManageToken();
  await deps.store.addManageToken(booking.id, hashToken(token), now);
  const email = verificationEmail({
    locale: booking.locale,
    businessName: business.name,
    clientName: booking.client.name,
    code,
    validMinutes: CODE_VALID_MS / 60_000,
    serviceName: bookingIn(booking, booking.locale, business.locale).serviceName,
    start: booking.start,
    timezone: booking.timezone,
    manageUrl: `${deps.publicUrl}/manage/${token}`,
  });
  await deps.mailer.send({ to: [booking.client.email], ...email, attachments: [] });
}
