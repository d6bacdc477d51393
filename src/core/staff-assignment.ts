/**
 * Who takes a booking made for "any staff" (SPEC §2 rule 6): among the members who can take the
 * slot, the one with the fewest bookings that day; ties go to the lowest id.
 */

/**
 * Orders ids numerically when both are integers, else as text; integer ids come before the others
 * so the order stays total ('9' < '10' < '1a' and '9' < '1a': mixing rules per pair made cycles).
 */
export function compareIds(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) {
    const diff = BigInt(a) - BigInt(b);
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The member to assign; `bookingsThatDay` counts each member's bookings on the slot's day. */
export function pickStaff(candidates: readonly string[], bookingsThatDay: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const id of candidates) {
    const n = bookingsThatDay.get(id) ?? 0;
    if (n < bestCount || (n === bestCount && best !== null && compareIds(id, best) < 0)) {
      best = id;
      bestCount = n;
    }
  }
  return best;
}

/** Candidates in the order they should be tried: the pick first, then the rest by the same rule. */
export function staffInOrder(candidates: readonly string[], bookingsThatDay: ReadonlyMap<string, number>): string[] {
  return [...candidates].sort(
    (a, b) => (bookingsThatDay.get(a) ?? 0) - (bookingsThatDay.get(b) ?? 0) || compareIds(a, b),
  );
}
