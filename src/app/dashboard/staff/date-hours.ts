/**
 * A member's date-specific hours (SPEC §8.1): for a date, ranges that replace its weekly hours
 * (`[]`: not worked that date). A member (or an admin) reads and changes their own; another
 * member's answer NOT_FOUND. The rules are the set-up file's (setup-schema.ts dateHoursProblems):
 * dates 1900–2999, HH:MM with 24:00 as an end, start before end, no overlap within a date.
 */
import { type DateHours, parseWallTime, type WallRange } from '../../../core/index.ts';
import type { Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { dateHoursProblems, formatPath, isScheduleDate, SCHEDULE_DATE } from '../../setup-schema.ts';
import type { Actor } from '../actor.ts';
import { ownedMember } from './staff-reads.ts';

/** One date's ranges as the API writes them: `[["10:00", "14:00"]]`. */
export type RangesInput = readonly (readonly [string, string])[];

const parse = (ranges: RangesInput): WallRange[] =>
  ranges
    .map(([a, b]) => ({ start: parseWallTime(a) ?? 0, end: parseWallTime(b) ?? 0 }))
    .sort((x, y) => x.start - y.start);

/** The refusal for what `input` (date → ranges) gets wrong, each path named by `field`; null when right. */
function problemsOf(
  input: Readonly<Record<string, RangesInput>>,
  field: (path: readonly (string | number)[]) => (string | number)[],
) {
  const unreadable = Object.entries(input).flatMap(([date, ranges]) =>
    ranges.flatMap((range, j) =>
      range.flatMap((t, k) =>
        parseWallTime(t) === null ? [{ path: [date, j, k], message: 'a time HH:MM between 00:00 and 24:00' }] : [],
      ),
    ),
  );
  const problems = unreadable.length > 0 ? unreadable : dateHoursProblems(input);
  if (problems.length === 0) return null;
  const fields = Object.fromEntries(problems.map((p) => [formatPath(field(p.path)), p.message]));
  return invalid(`Invalid ${Object.keys(fields).join(', ')}.`, fields);
}

export async function getDateHours(
  deps: { store: Pick<Store, 'listStaff'> },
  actor: Actor,
  staffId: string,
): Promise<Result<DateHours>> {
  const member = await ownedMember(deps.store, actor, staffId);
  return member.ok ? ok(member.value.dateHours) : member;
}

/** Replaces every date's own hours with `input` (dates left out get their weekly hours back). */
export async function replaceDateHours(
  deps: { store: Pick<Store, 'listStaff' | 'replaceDateHours'> },
  actor: Actor,
  staffId: string,
  input: Readonly<Record<string, RangesInput>>,
): Promise<Result<DateHours>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  const refused = problemsOf(input, (path) => ['dateHours', ...path]);
  if (refused) return refused;
  const dateHours = Object.fromEntries(Object.entries(input).map(([date, ranges]) => [date, parse(ranges)]));
  if (!(await deps.store.replaceDateHours(staffId, dateHours)))
    return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  return ok(dateHours);
}

/** Gives one date its own hours (`[]`: not worked), or with null its weekly hours back. */
export async function setDateHours(
  deps: { store: Pick<Store, 'listStaff' | 'setDateHours'> },
  actor: Actor,
  staffId: string,
  date: string,
  ranges: RangesInput | null,
): Promise<Result<{ date: string; hours: WallRange[] | null }>> {
  const member = await ownedMember(deps.store, actor, staffId);
  if (!member.ok) return member;
  if (!isScheduleDate(date)) return invalid(`Invalid date.`, { date: SCHEDULE_DATE });
  // The date is the path's; the body holds its ranges at `hours`.
  const refused = ranges === null ? null : problemsOf({ [date]: ranges }, (path) => ['hours', ...path.slice(1)]);
  if (refused) return refused;
  const hours = ranges === null ? null : parse(ranges);
  if (!(await deps.store.setDateHours(staffId, date, hours))) return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  return ok({ date, hours });
}
