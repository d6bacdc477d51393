/**
 * What one occurrence of a series was paid (SPEC §9.2, §10.2; decision 035). A series is paid once,
 * through its first occurrence, which carries the amount due and paid for all of them; the others
 * carry 0. A cancel judges one occurrence, so it needs that occurrence's share: the series' totals
 * split evenly over its occurrences (every row, whatever its status now), the remainder of the
 * division on the first, so the shares add up to what was paid.
 */
import type { Booking } from './model.ts';

export function occurrenceShare(occurrence: Booking, series: readonly Booking[]): Booking {
  if (!occurrence.seriesId || series.length < 2) return occurrence;
  const n = series.length;
  // The payer is the first row written (a move may put another occurrence before it).
  const first = series.reduce((a, b) => (Number(b.id) < Number(a.id) ? b : a));
  const split = (total: number) => Math.floor(total / n) + (occurrence.id === first.id ? total % n : 0);
  const sum = (pick: (b: Booking) => number) => series.reduce((t, b) => t + pick(b), 0);
  return {
    ...occurrence,
    payment: {
      ...occurrence.payment,
      amountDue: split(sum((b) => b.payment.amountDue)),
      amountPaid: split(sum((b) => b.payment.amountPaid)),
    },
  };
}
