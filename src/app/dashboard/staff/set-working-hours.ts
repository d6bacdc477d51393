/**
 * A member (or an admin) replaces their weekly hours: per weekday, ranges of wall-clock time in
 * the member's zone; a weekday left out is not worked. The rules are the set-up file's (HH:MM,
 * 24:00 as an end, start before end, no overlap within a day), so both paths accept the same week.
 */
import { parseWallTime, type WallRange, WEEKDAYS, type Weekday, type WeeklyHours } from '../../../core/index.ts';
import type { Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { formatPath, hoursProblems } from '../../setup-schema.ts';
import type { Actor } from '../actor.ts';
import { ownedMember } from './staff-reads.ts';

/** A week as the API and the set-up file write it: `{mon: [["09:00", "12:00"], …], …}`. */
export type HoursInput = Partial<Record<Weekday, readonly (readonly [string, string])[]>>;

export async function setWorkingHours(
  deps: { store: Pick<Store, 'listStaff' | 'replaceWorkingHours'> },
  actor: Actor,
  staffId: string,
  input: HoursInput,
): Promise<Result<WeeklyHours>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  // The edge checks HH:MM already; a caller without that check (a form) gets the same answer here.
  const unreadable = WEEKDAYS.flatMap((day) =>
    (input[day] ?? []).flatMap((range, j) =>
      range.flatMap((t, k) =>
        parseWallTime(t) === null ? [{ path: [day, j, k], message: 'a time HH:MM between 00:00 and 24:00' }] : [],
      ),
    ),
  );
  const problems = unreadable.length > 0 ? unreadable : hoursProblems(input);
  if (problems.length > 0) {
    const fields = Object.fromEntries(problems.map((p) => [formatPath(['hours', ...p.path]), p.message]));
    return invalid(`Invalid ${Object.keys(fields).join(', ')}.`, fields);
  }
  const hours: Partial<Record<Weekday, WallRange[]>> = {};
  for (const day of WEEKDAYS) {
    const parsed = (input[day] ?? []).map(([a, b]) => ({ start: parseWallTime(a) ?? 0, end: parseWallTime(b) ?? 0 }));
    if (parsed.length > 0) hours[day] = parsed.sort((x, y) => x.start - y.start);
  }
  if (!(await deps.store.replaceWorkingHours(staffId, hours)))
    return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  return ok(hours);
}
