/** The facts of a booking email: what the client booked, or for the team who booked it. */

import { formatMoney, formatSpan } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { Fact } from './email-body.ts';
import type { BookingEmailData } from './types.ts';

/** Facts table rows for the email's audience; empty optional facts are left out. */
export function bookingFacts(data: BookingEmailData, m: Messages): Fact[] {
  const { booking: b } = data;
  const l = m.labels;
  const money = (minor: number) => formatMoney(minor, b.currency, m.intlLocale);
  const who: Fact[] =
    data.audience === 'client'
      ? []
      : [
          { label: l.client, value: b.clientName },
          { label: l.email, value: b.clientEmail },
          ...(b.clientPhone ? [{ label: l.phone, value: b.clientPhone }] : []),
        ];
  const reason = data.event === 'cancelled' ? data.cancelReason.trim() : '';
  const refund = data.event === 'cancelled' ? data.refund : null;
  return [
    ...who,
    { label: l.service, value: b.serviceName },
    { label: l.staff, value: b.staffName },
    { label: l.when, value: formatSpan(b.start, b.end, b.timezone, m.intlLocale) },
    { label: l.reference, value: b.reference },
    { label: l.price, value: b.price === 0 ? l.free : money(b.price) },
    ...(b.amountPaid > 0 ? [{ label: l.paid, value: money(b.amountPaid) }] : []),
    ...(b.notes.trim() ? [{ label: l.notes, value: b.notes.trim() }] : []),
    ...(data.audience === 'client' ? [] : data.answers),
    ...(reason ? [{ label: l.reason, value: reason }] : []),
    // SPEC §10.2: the owner is told what to refund (and the client what comes back).
    ...(refund
      ? [
          { label: l.refund, value: m.refundKinds[refund.kind] },
          { label: l.refundDue, value: money(refund.refundDue) },
          ...(refund.amountKept > 0 ? [{ label: l.amountKept, value: money(refund.amountKept) }] : []),
        ]
      : []),
  ];
}

/** "Time: old → new", and "Staff: old → new" when the staff member changed too. */
export function changeLines(data: BookingEmailData, m: Messages): string[] {
  const { booking: b, previous: p } = data;
  if (p === null) return [];
  const lines: string[] = [];
  if (p.start !== b.start || p.end !== b.end) {
    const from = formatSpan(p.start, p.end, b.timezone, m.intlLocale);
    lines.push(m.booking.movedTime(from, formatSpan(b.start, b.end, b.timezone, m.intlLocale)));
  }
  if (p.staffName !== b.staffName) lines.push(m.booking.movedStaff(p.staffName, b.staffName));
  return lines;
}
