/** Date-specific hours and blocks as the dashboard's JSON shows them (the set-up file's form). */
import type { StoredBlock } from '../../../app/dashboard/staff/staff-store.ts';
import { type DateHours, formatWallTime, type WallRange } from '../../../core/index.ts';

export const presentRanges = (ranges: readonly WallRange[]) =>
  ranges.map((r) => [formatWallTime(r.start), formatWallTime(r.end)]);

/** `{"2027-06-14": [["10:00", "14:00"]], "2027-06-15": []}`, dates in order. */
export function presentDateHours(dateHours: DateHours) {
  return Object.fromEntries(
    Object.keys(dateHours)
      .sort()
      .map((date) => [date, presentRanges(dateHours[date] ?? [])]),
  );
}

export function presentBlock(b: StoredBlock) {
  return { id: b.id, staff: b.staffId, from: b.from, to: b.to, note: b.note };
}
