/**
 * The Pay / Down payment / Finish rule of SPEC §3 (django-appointment's rule, exactly):
 * - payment URL set, price > 0, deposit > 0 → full and deposit;
 * - payment URL set, price > 0, deposit = 0 → full only;
 * - no payment URL, or price = 0 → none (Finish).
 */

export type PaymentOption = 'none' | 'full' | 'deposit';

export interface PaymentFacts {
  readonly paymentConfigured: boolean;
  /** Minor units. */
  readonly price: number;
  /** Minor units; 0 means deposits are not accepted. */
  readonly deposit: number;
}

/** The options offered for a service, in button order. */
export function paymentOptions(facts: PaymentFacts): PaymentOption[] {
  if (!facts.paymentConfigured || facts.price <= 0) return ['none'];
  return facts.deposit > 0 ? ['full', 'deposit'] : ['full'];
}

/** The amount due now for a chosen option (minor units). */
export function amountDue(option: PaymentOption, facts: PaymentFacts): number {
  switch (option) {
    case 'none':
      return 0;
    case 'full':
      return facts.price;
    case 'deposit':
      return facts.deposit;
    default: {
      const never: never = option;
      throw new Error(`unknown payment option ${String(never)}`);
    }
  }
}
