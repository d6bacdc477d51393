import { describe, expect, it } from 'vitest';
import { manageLinkEmail, unappliedPaymentEmail } from './payment-emails.ts';
import { HOUR, hrefs, START } from './test-fixtures.ts';

const unapplied = (locale: string) =>
  unappliedPaymentEmail({
    locale,
    businessName: 'Studio Lumen',
    reason: 'hold_expired',
    amount: '30.00',
    currency: 'EUR',
    transactionId: 'tx-42',
    booking: {
      reference: 'SW-7K2M9Q',
      serviceName: 'Haircut',
      clientName: 'Ana Silva',
      clientEmail: 'ana@example.test',
      start: START,
      end: START + HOUR,
      timezone: 'Europe/Lisbon',
    },
    dashboardUrl: 'https://studio.test/admin/bookings/7',
  });

const link = (locale: string) =>
  manageLinkEmail({
    locale,
    businessName: 'Studio Lumen',
    clientName: 'Ana Silva',
    reference: 'SW-7K2M9Q',
    serviceName: 'Haircut',
    start: START,
    end: START + HOUR,
    timezone: 'Europe/Lisbon',
    manageUrl: 'https://studio.test/manage/tok123',
  });

describe('the owner’s email about a payment not applied', () => {
  it('names the amount as reported, the transaction, why, the client, and links to the booking in the dashboard', () => {
    const email = unapplied('en');
    expect(email.subject).toBe('Payment not applied: 30.00 EUR for SW-7K2M9Q');
    for (const fact of ['tx-42', 'It arrived after the time held for the booking had run out.', 'ana@example.test']) {
      expect(email.text).toContain(fact);
    }
    expect(hrefs(email.html)).toContain('https://studio.test/admin/bookings/7');
  });

  it.each([
    ['fr', 'Paiement non appliqué : 30.00 EUR pour SW-7K2M9Q'],
    ['de', 'Zahlung nicht zugeordnet: 30.00 EUR für SW-7K2M9Q'],
    ['es', 'Pago no aplicado: 30.00 EUR para SW-7K2M9Q'],
  ])('is written in the business’s language (%s)', (locale, subject) => {
    expect(unapplied(locale).subject).toBe(subject);
  });
});

describe('the client’s link email from the return page', () => {
  it('greets the client and carries the manage link in both parts', () => {
    const email = link('en');
    expect(email.subject).toBe('Your booking SW-7K2M9Q at Studio Lumen');
    expect(email.text).toContain('Hello Ana Silva,');
    expect(email.text).toContain('https://studio.test/manage/tok123');
    expect(hrefs(email.html)).toContain('https://studio.test/manage/tok123');
  });

  it.each([
    ['fr', 'Votre réservation SW-7K2M9Q chez Studio Lumen'],
    ['de', 'Ihre Buchung SW-7K2M9Q bei Studio Lumen'],
    ['es', 'Su reserva SW-7K2M9Q en Studio Lumen'],
  ])('is written in the booking’s language (%s)', (locale, subject) => {
    expect(link(locale).subject).toBe(subject);
  });
});
