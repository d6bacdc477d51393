/**
 * Runs an `email.waitlist` job: the offer (its link carries the token sealed in the job, the only
 * place besides the email where it exists in clear) or the joined confirmation with its leave
 * link. Rendered now, in the entry's language and zone; an offer answered meanwhile sends nothing.
 */
import { serviceIn } from '../app/content-language.ts';
import type { WaitlistEmailJob } from '../app/model.ts';
import { unsealToken } from '../app/tokens.ts';
import { joinedEmail, offerEmail } from '../mail/templates/waitlist-email.ts';
import type { EmailDeps } from './send-booking-email.ts';

export async function sendWaitlistEmail(
  deps: EmailDeps & { readonly secret: string },
  job: WaitlistEmailJob,
): Promise<void> {
  const token = unsealToken(job.tokenSealed, deps.secret);
  if (token === null) throw new Error('waitlist email: the token cannot be unsealed');
  const { store } = deps;
  const business = await store.getBusiness();
  if (job.kind === 'offer') {
    const offer = await store.getWaitlistOffer(job.offerId);
    if (offer?.status !== 'live') return;
    const entry = await store.getWaitlistEntry(offer.entryId);
    if (!entry) return;
    const [service, staff] = await Promise.all([store.findService(offer.serviceId), store.listStaff()]);
    const email = offerEmail({
      locale: entry.locale,
      businessName: business.name,
      clientName: entry.client.name,
      serviceName: service ? serviceIn(service, entry.locale, business.locale).name : '',
      staffName: staff.find((m) => m.id === offer.staffId)?.name ?? '',
      start: offer.start,
      end: offer.end,
      expiresAt: offer.expiresAt,
      timezone: entry.timezone,
      url: `${deps.publicUrl}/waitlist/offer/${token}`,
    });
    await deps.mailer.send({ to: [entry.client.email], ...email, attachments: [] });
    return;
  }
  const entry = await store.getWaitlistEntry(job.entryId);
  if (!entry) return;
  const service = await store.findService(entry.serviceId);
  const email = joinedEmail({
    locale: entry.locale,
    businessName: business.name,
    clientName: entry.client.name,
    serviceName: service ? serviceIn(service, entry.locale, business.locale).name : '',
    date: entry.date,
    leaveUrl: `${deps.publicUrl}/waitlist/leave/${token}`,
  });
  await deps.mailer.send({ to: [entry.client.email], ...email, attachments: [] });
}
