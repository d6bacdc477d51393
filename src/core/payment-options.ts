/**
 * The Pay / Down payment / Finish rule of SPEC §3 (django-appointment's rule, exactly):
 * - payment URL set, price > 0, deposit > 0 → full and deposit;
 * - payment URL set, price > 0, deposit = 0 → full only;
 * - no payment URL, or price = 0 → none (Finish).
 * And the no-show rule of SPEC §10.3: a client with `noShowLimit` (> 0) no-shows or more is
 * offered Pay only (the full price) on a paid service — no Down payment, never Finish. A free
 * service, or a business without a gateway, cannot apply it (noShowRuleReach tells the settings
 * page which).
 */

export type PaymentOption = 'none' | 'full' | 'deposit';

export interface PaymentFacts {
  readonly paymentConfigured: boolean;
  /** Minor units. */
  readonly price: number;
  /** Minor units; 0 means deposits are not accepted. */
  readonly deposit: number;
  /** The client's no-shows so far (SPEC §10.3); absent: not known yet, the rule is not applied. */
  readonly noShows?: number;
  /** The business's `noShowLimit`; 0 or absent = the rule is off. */
  readonly noShowLimit?: number;
}

/** Whether the client has reached the no-show limit (the rule is on and they are at or past it). */
export function noShowLimitReached(facts: Pick<PaymentFacts, 'noShows' | 'noShowLimit'>): boolean {
  const limit = facts.noShowLimit ?? 0;
  return limit > 0 && (facts.noShows ?? 0) >= limit;
}

/**
 * The options offered for a service, in button order. Anything else asked for is 422
 * PAYMENT_OPTION_NOT_ALLOWED (a deposit from a client at the no-show limit included).
 */
export function paymentOptions(facts: PaymentFacts): PaymentOption[] {
  if (!facts.paymentConfigured || facts.price <= 0) return ['none'];
  if (noShowLimitReached(facts)) return ['full'];
  return facts.deposit > 0 ? ['full', 'deposit'] : ['full'];
}

/** What the settings page says of the no-show rule (SPEC §10.3: "the settings page says so"). */
export interface NoShowRuleReach {
  /** `off`: noShowLimit is 0; `no_gateway`: it cannot apply to anyone; `on`: it applies to paid services. */
  readonly status: 'off' | 'no_gateway' | 'on';
  /** With `on`: the services it cannot apply to because they are free (warn about them). */
  readonly freeServices: readonly string[];
}

/** Where the no-show rule can bite, for the settings page's warning. */
export function noShowRuleReach(f: {
  readonly noShowLimit: number;
  readonly paymentConfigured: boolean;
  readonly services: readonly { readonly id: string; readonly price: number }[];
}): NoShowRuleReach {
  if (f.noShowLimit <= 0) return { status: 'off', freeServices: [] };
  if (!f.paymentConfigured) return { status: 'no_gateway', freeServices: [] };
  return { status: 'on', freeServices: f.services.filter((s) => s.price <= 0).map((s) => s.id) };
}

/**
 * The facts of `units` bookings at once (seats of a session, occurrences of a series): price and
 * deposit multiplied (SPEC §9: price × seats; "the price of every occurrence, or the deposit of
 * every occurrence").
 */
export function scaledFacts(facts: PaymentFacts, units: number): PaymentFacts {
  return { ...facts, price: facts.price * units, deposit: facts.deposit * units };
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
