/**
 * A ledger entry as the admin API and webhooks show it (SPEC §10.4): the gateway's transaction
 * id, the amount as a decimal string, whether the booking reflects it and why not.
 */
import { formatInstant } from '../../core/index.ts';
import type { LedgerPayment } from '../model.ts';

export function presentPayment(p: LedgerPayment, zone: string) {
  return {
    transactionId: p.transactionId,
    amount: p.amount,
    currency: p.currency,
    status: p.status,
    applied: p.applied,
    reason: p.reason,
    receivedAt: formatInstant(p.receivedAt, zone),
  };
}
