/**
 * Why a client may not cancel, as the answer says it (SPEC §4, §10.2): one wording for a single
 * booking and for an occurrence of a series, so both get the same refusal.
 */
import type { ClientCancelOutcome } from '../core/index.ts';
import type { Business } from './model.ts';
import { type Refusal, refuse } from './result.ts';

export type CancelRefusalReason = Extract<ClientCancelOutcome, { ok: false }>['reason'];

/** `status`: the booking's status now (statusAt), named when it is no longer active. */
export function cancelRefusal(reason: CancelRefusalReason, status: string, business: Business): Refusal {
  switch (reason) {
    case 'not_active':
      return refuse('CANCEL_NOT_ALLOWED', `This booking is already ${status}.`, { reason: status });
    case 'started':
      return refuse('CANCEL_NOT_ALLOWED', 'This booking has already started.', { reason: 'started' });
    case 'too_close':
      return refuse(
        'CANCEL_NOT_ALLOWED',
        `Bookings can be cancelled online until ${business.cancelNoticeHours} hours before they start.`,
        { reason: 'too_close' },
      );
    case 'no_online_cancel':
      return refuse('CANCEL_NOT_ALLOWED', 'This booking can no longer be cancelled online: contact us.', {
        reason: 'no_online_cancel',
      });
    default: {
      const never: never = reason;
      throw new Error(`unknown cancel refusal ${String(never)}`);
    }
  }
}
