/** JSON shapes of API.md, built from application data: instants become ISO 8601 with offset, money decimal strings. */

import { allowances, statusAt } from '../app/allowances.ts';
import type { ServiceOffer } from '../app/list-services.ts';
import type { Booking, Business, Service } from '../app/model.ts';
import type { Clock, Store } from '../app/ports.ts';
import { LOCALES } from '../app/setup-schema.ts';
import { formatInstant, type Slot, toDecimal } from '../core/index.ts';

export function presentBusiness(b: Business) {
  return {
    name: b.name,
    timezone: b.timezone,
    currency: b.currency,
    locale: b.locale,
    locales: [...LOCALES],
    staffLabel: b.staffLabel,
    paymentEnabled: b.paymentUrl !== null && b.paymentSecret !== null,
  };
}

export function presentService(o: ServiceOffer) {
  const s = o.service;
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    durationMinutes: s.durationMinutes,
    price: toDecimal(s.price, o.currency),
    deposit: toDecimal(s.deposit, o.currency),
    currency: o.currency,
    imageUrl: s.imageUrl,
    color: s.color,
    paymentOptions: o.paymentOptions,
    staff: o.staff,
  };
}

export function presentSlot(s: Slot, zone: string) {
  return { start: formatInstant(s.start, zone), end: formatInstant(s.end, zone), staff: s.staff };
}

/** A booking as API.md's `Booking`, with what the client may still do at `now`. */
export function presentBooking(b: Booking, service: Service | null, business: Business, now: number) {
  const allowed = allowances(b, service, business, now);
  const cur = b.payment.currency;
  return {
    id: b.id,
    reference: b.reference,
    // A hold past its time reads as expired even before anything rewrites its row.
    status: statusAt(b, now),
    service: { id: b.serviceId, name: b.serviceName },
    staff: { id: b.staffId, name: b.staffName },
    start: formatInstant(b.start, b.timezone),
    end: formatInstant(b.end, b.timezone),
    timezone: b.timezone,
    client: { name: b.client.name, email: b.client.email },
    notes: b.notes,
    wantsReminder: b.wantsReminder,
    locale: b.locale,
    payment: {
      option: b.payment.option,
      amountDue: toDecimal(b.payment.amountDue, cur),
      amountPaid: toDecimal(b.payment.amountPaid, cur),
      currency: cur,
    },
    reschedule: {
      count: allowed.reschedule.count,
      limit: allowed.reschedule.limit,
      allowed: allowed.reschedule.block === null,
    },
    cancel: { allowed: allowed.cancelAllowed },
    holdExpiresAt:
      b.holdUntil !== null &&
      (b.status === 'pending_verification' || b.status === 'awaiting_payment') &&
      b.holdUntil > now
        ? formatInstant(b.holdUntil, b.timezone)
        : null,
  };
}

/** presentBooking with the booking's service and the business read through the store (cached). */
export async function presentStored(deps: { store: Store; clock: Clock }, b: Booking) {
  const [service, business] = await Promise.all([deps.store.findService(b.serviceId), deps.store.getBusiness()]);
  return presentBooking(b, service, business, deps.clock.now());
}
