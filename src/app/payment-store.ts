/** The store's side of payments: the ledger of gateway callbacks and the booking changes they make. */
import type { Booking, LedgerPayment, UnappliedReason } from './model.ts';

/** A callback to write into the ledger. */
export interface PaymentRecord {
  readonly transactionId: string;
  readonly bookingId: string;
  /** Minor units of `currency`; null when the reported amount has more decimals than the currency. */
  readonly amountMinor: number | null;
  /** The decimal as reported, kept only when amountMinor is null. */
  readonly amountText: string | null;
  readonly currency: string;
  readonly status: 'paid' | 'failed';
  /** Unapplied from the start (a wrong amount), or null: applied until markPaymentUnapplied says otherwise. */
  readonly reason: UnappliedReason | null;
}

export interface PaymentStore {
  findBookingByReference(reference: string): Promise<Booking | null>;
  /**
   * Writes a callback into the ledger: its id, or null when this (transactionId, status) is
   * already there (a replay; a concurrent twin waits for the first to commit, then gets null).
   */
  recordPayment(payment: PaymentRecord, now: number): Promise<string | null>;
  /** The ledger entry of a (transactionId, status), or null. */
  findPayment(transactionId: string, status: 'paid' | 'failed'): Promise<LedgerPayment | null>;
  getPayment(id: string): Promise<LedgerPayment | null>;
  /** A booking's ledger, oldest first. */
  listPayments(bookingId: string): Promise<LedgerPayment[]>;
  markPaymentUnapplied(id: string, reason: UnappliedReason): Promise<void>;
  /** awaiting_payment → confirmed with the amount paid, while the hold stands (compare-and-set); null otherwise. */
  confirmPayment(bookingId: string, amountPaid: number, remindAt: number | null, now: number): Promise<Booking | null>;
  /**
   * The one extension of a hold while the client is at the gateway: hold_until becomes `until`
   * if the booking awaits payment, its hold still stands, ends before `until` and was never
   * extended (compare-and-set). False when nothing changed.
   */
  extendGatewayHold(bookingId: string, until: number, now: number): Promise<boolean>;
}
