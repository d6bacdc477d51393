/** The job kinds this version runs, each checked before its handler sees the payload. */
import { z } from 'zod';
import type { EmailDeps } from './send-booking-email.ts';
import { sendBookingEmail } from './send-booking-email.ts';
import { sendVerificationEmail } from './send-verification-email.ts';
import type { JobHandler } from './worker.ts';

const id = z.string().regex(/^\d{1,18}$/);
const bookingNotice = z.object({
  bookingId: id,
  event: z.enum(['confirmed', 'rescheduled', 'cancelled', 'reminder']),
  audience: z.enum(['client', 'staff', 'owner']),
  previous: z.object({ start: z.number(), end: z.number(), staffName: z.string() }).nullable(),
  cancelReason: z.string(),
});
const verification = z.object({ bookingId: id });

export function jobHandlers(deps: EmailDeps & { readonly secret: string }): Record<string, JobHandler> {
  return {
    'email.booking': (payload) => sendBookingEmail(deps, bookingNotice.parse(payload)),
    'email.verification': (payload) => sendVerificationEmail(deps, verification.parse(payload)),
  };
}
