/**
 * The test studio with issue 20's rules (SPEC §10): a gateway, an owner, noShowLimit 1; the
 * portrait (120.00, deposit 30.00) asks how many people (required), a sensitive health question
 * and a style choice, and has a 48 h / 24 h cancellation policy.
 */
import type { Setup } from '../../src/app/setup-schema.ts';
import { STUDIO } from './studio.ts';

export const PAY_SECRET = 'p'.repeat(32);
/** The sensitive answer: it must never appear outside the sealed column. */
export const HEALTH = 'Knee surgery in May, plaintext-7731';

export const RULES_STUDIO: Setup = {
  ...STUDIO,
  business: {
    ...STUDIO.business,
    ownerEmail: 'owner@studio.test',
    paymentUrl: 'https://pay.example/checkout',
    paymentSecret: PAY_SECRET,
    noShowLimit: 1,
  },
  services: STUDIO.services?.map((s) =>
    s.key === 'portrait'
      ? {
          ...s,
          questions: [
            {
              key: 'people',
              type: 'number',
              label: { en: 'How many people?', fr: 'Combien ?' },
              required: true,
              sensitive: false,
            },
            {
              key: 'health',
              type: 'longText',
              label: 'Anything we should know about your health or mobility?',
              required: false,
              sensitive: true,
            },
            {
              key: 'style',
              type: 'choice',
              label: 'Style',
              required: false,
              sensitive: false,
              options: [
                { key: 'colour', label: 'Colour' },
                { key: 'bw', label: 'Black and white' },
              ],
            },
          ],
          cancellationPolicy: [
            { untilHoursBefore: 48, refund: 'full' },
            { untilHoursBefore: 24, refund: 'deposit_kept' },
            { untilHoursBefore: 0, refund: 'none_online' },
          ],
        }
      : s,
  ),
};
