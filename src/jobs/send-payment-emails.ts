/**
 * The payment path's emails, rendered when the job runs: the owner's notice of an unapplied
 * payment (to the admins when no owner email is set, so someone always hears of money to give
 * back), and the client's link to their booking asked for by the return page (a fresh manage
 * token each time, only its hash stored).
 */
import { statusAt } from '../app/allowances.ts';
import { bookingIn } from '../app/content-language.ts';
import type { Clock, Mailer, Store } from '../app/ports.ts';
import { hashToken, newManageToken } from '../app/tokens.ts';
import { manageLinkEmail, unappliedPaymentEmail } from '../mail/templates/payment-emails.ts';

export interface PaymentEmailDeps {
  readonly store: Pick<Store, 'getPayment' | 'getBooking' | 'getBusiness' | 'listUsers' | 'addManageToken'>;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicUrl: string;
}

export async function sendUnappliedPaymentEmail(deps: PaymentEmailDeps, payload: { paymentId: string }): Promise<void> {
  const payment = await deps.store.getPayment(payload.paymentId);
  if (!payment?.reason) return; // gone, or applied after all: nothing to tell
  const [booking, business] = await Promise.all([deps.store.getBooking(payment.bookingId), deps.store.getBusiness()]);
  if (!booking) return;
  const to = business.ownerEmail
    ? [business.ownerEmail]
    : (await deps.store.listUsers()).filter((u) => u.role === 'admin').map((u) => u.email);
  if (to.length === 0) return;
  const email = unappliedPaymentEmail({
    locale: business.locale,
    businessName: business.name,
    reason: payment.reason,
    amount: payment.amount,
    currency: payment.currency,
    transactionId: payment.transactionId,
    booking: {
      reference: booking.reference,
      serviceName: booking.serviceName,
      clientName: booking.client.name,
      clientEmail: booking.client.email,
      start: booking.start,
      end: booking.end,
      timezone: booking.timezone,
    },
    dashboardUrl: `${deps.publicUrl}/admin/bookings/${booking.id}`,
  });
  await deps.mailer.send({ to, ...email, attachments: [] });
}

export async function sendManageLinkEmail(deps: PaymentEmailDeps, payload: { bookingId: string }): Promise<void> {
  const booking = await deps.store.getBooking(payload.bookingId);
  const now = deps.clock.now();
  // Confirmed meanwhile: the confirmation email carries a link already.
  if (!booking || statusAt(booking, now) === 'confirmed') return;
  if (!booking.client.email) return; // erased meanwhile (SPEC §11)
  const business = await deps.store.getBusiness();
  const token = newManageToken();
  await deps.store.addManageToken(booking.id, hashToken(token), now);
  const email = manageLinkEmail({
    locale: booking.locale,
    businessName: business.name,
    clientName: booking.client.name,
    reference: booking.reference,
    serviceName: bookingIn(booking, booking.locale, business.locale).serviceName,
    start: booking.start,
    end: booking.end,
    timezone: booking.timezone,
    manageUrl: `${deps.publicUrl}/manage/${token}`,
  });
  await deps.mailer.send({ to: [booking.client.email], ...email, attachments: [] });
}
