/** Email data for the template tests: one booking at the Lisbon DST change, with overrides. Test-only. */
import type { BookingEmailData, VerificationEmailData } from './types.ts';

/** 2027-03-28 is the day Lisbon moves to summer time (UTC+1 from 01:00 UTC). */
export const START = Date.parse('2027-03-28T09:00:00Z');
export const HOUR = 3_600_000;
export const MANAGE = 'https://studio.test/manage/tok123';

type Patch = Partial<Omit<BookingEmailData, 'booking'>> & { booking?: Partial<BookingEmailData['booking']> };

export function bookingData(patch: Patch = {}): BookingEmailData {
  const { booking, ...rest } = patch;
  return {
    event: 'confirmed',
    audience: 'client',
    locale: 'en',
    businessName: 'Studio Lumen',
    previous: null,
    cancelReason: '',
    manageUrl: MANAGE,
    rescheduleLeft: 2,
    canCancel: true,
    answers: [],
    refund: null,
    ...rest,
    booking: {
      reference: 'SW-7K2M9Q',
      serviceName: 'Haircut',
      staffName: 'Bruno Costa',
      start: START,
      end: START + HOUR,
      timezone: 'Europe/Lisbon',
      clientName: 'Ana Silva',
      clientEmail: 'ana@example.test',
      clientPhone: '+351 912 345 678',
      notes: 'Short on the sides, please.',
      price: 12000,
      amountPaid: 3000,
      currency: 'EUR',
      ...booking,
    },
  };
}

export function verificationData(patch: Partial<VerificationEmailData> = {}): VerificationEmailData {
  return {
    locale: 'en',
    businessName: 'Studio Lumen',
    clientName: 'Ana Silva',
    code: '042917',
    validMinutes: 15,
    serviceName: 'Haircut',
    start: START,
    timezone: 'Europe/Lisbon',
    manageUrl: 'https://studio.test/verify/abc',
    ...patch,
  };
}

/** The href values of an HTML document. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
}
