/**
 * Clients' data as JSON (the admin API and `slotwise client export` print the same): instants as
 * ISO 8601 with the business's offset, money as decimal strings, ids as strings.
 */
import type { ClientData, ClientRecord, ErasedCounts } from '../../../app/clients/client-store.ts';
import { presentBookingPayment } from '../../../app/presenters/booking.ts';
import { formatInstant, toDecimal } from '../../../core/index.ts';

const at = (ms: number, zone: string) => formatInstant(ms, zone);
const optAt = (ms: number | null, zone: string) => (ms === null ? null : formatInstant(ms, zone));

export function presentClient(c: ClientRecord, zone: string) {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    address: c.address,
    bookings: c.bookings,
    createdAt: at(c.createdAt, zone),
    updatedAt: at(c.updatedAt, zone),
  };
}

export function presentClientData(d: ClientData, zone: string, exportedAt: number) {
  return {
    email: d.email,
    exportedAt: at(exportedAt, zone),
    client: d.client ? presentClient(d.client, zone) : null,
    bookings: d.bookings.map((b) => {
      const cur = b.payment.currency;
      return {
        id: b.id,
        reference: b.reference,
        status: b.status,
        service: { id: b.serviceId, name: b.serviceName },
        staff: { id: b.staffId, name: b.staffName },
        start: formatInstant(b.start, b.timezone),
        end: formatInstant(b.end, b.timezone),
        timezone: b.timezone,
        client: b.client,
        notes: b.notes,
        wantsReminder: b.wantsReminder,
        locale: b.locale,
        payment: presentBookingPayment(b.payment),
        price: toDecimal(b.price, cur),
        rescheduleCount: b.rescheduleCount,
        holdUntil: optAt(b.holdUntil, b.timezone),
        cancelledAt: optAt(b.cancelledAt, zone),
        cancelReason: b.cancelReason,
        remindAt: optAt(b.remindAt, zone),
        remindedAt: optAt(b.remindedAt, zone),
        createdAt: at(b.createdAt, zone),
        updatedAt: at(b.updatedAt, zone),
        history: b.history.map((h) => ({
          fromStart: formatInstant(h.fromStart, b.timezone),
          toStart: formatInstant(h.toStart, b.timezone),
          fromStaff: h.fromStaffId,
          toStaff: h.toStaffId,
          reason: h.reason,
          at: at(h.at, zone),
        })),
        payments: b.payments.map((p) => ({
          transactionId: p.transactionId,
          amount: toDecimal(p.amount, p.currency),
          currency: p.currency,
          status: p.status,
          receivedAt: at(p.receivedAt, zone),
        })),
        verification: b.verification && {
          issuedAt: optAt(b.verification.issuedAt, zone),
          attempts: b.verification.attempts,
          requestedAt: at(b.verification.requestedAt, zone),
        },
        manageLinks: b.manageLinks,
        // Every answer, the sensitive ones opened (the person's own data, for whoever exports it).
        answers: { ...b.answers, ...(b.sensitiveAnswers ?? {}) },
        sensitiveAnswersUnreadable: b.sensitiveAnswers === null,
        outcome: b.outcome,
        cancellation: b.cancellation && {
          ...b.cancellation,
          refundDue: toDecimal(b.cancellation.refundDue, cur),
          amountKept: toDecimal(b.cancellation.amountKept, cur),
        },
      };
    }),
    jobs: d.jobs.map((j) => ({
      id: j.id,
      kind: j.kind,
      payload: j.payload,
      createdAt: at(j.createdAt, zone),
      runAt: at(j.runAt, zone),
      doneAt: optAt(j.doneAt, zone),
      failedAt: optAt(j.failedAt, zone),
    })),
    webhookDeliveries: d.webhookDeliveries.map((w) => ({ ...w, deliveredAt: at(w.deliveredAt, zone) })),
    outbox: d.outbox.map((m) => ({ ...m, to: [...m.to], sentAt: at(m.sentAt, zone) })),
    idempotencyKeys: d.idempotencyKeys.map((k) => ({ ...k, createdAt: at(k.createdAt, zone) })),
    myBookingsLinks: d.myBookingsLinks.map((l) => ({
      createdAt: at(l.createdAt, zone),
      expiresAt: at(l.expiresAt, zone),
      usedAt: optAt(l.usedAt, zone),
    })),
  };
}

export function presentErased(email: string, e: ErasedCounts) {
  return { email, erased: { ...e } };
}
