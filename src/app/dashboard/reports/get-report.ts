/**
 * The reports page and `GET /admin/reports` (SPEC §12, API.md "Reports"): bookings, no-shows,
 * cancellations, revenue (paid, and still due) and utilisation (booked minutes / working minutes)
 * per week and per staff member over a range of the business's dates, `to` included. The
 * bookings are summed by one SQL aggregate (report-store.ts); working time comes from the core's
 * schedules (working-minutes.ts). A staff member sees their own figures only; another member's
 * answers NOT_FOUND, as everywhere in the dashboard.
 *
 * What counts: a booking is a confirmed one (a no-show and a completed one included), counted in
 * the week of its start; revenue is what was paid on confirmed bookings plus what cancels kept;
 * due is what confirmed bookings not marked no-show still owe. Money in the business currency;
 * bookings of services priced in another currency are summed apart (`otherCurrencies`).
 */
import { addDays, dateOf, datesOfMonth, daysBetween, dayWindow, monthOf } from '../../../core/index.ts';
import type { Clock, Store } from '../../ports.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { toSchedule } from '../../scheduling.ts';
import { type Actor, notOwned, staffScope } from '../actor.ts';
import type { ReportRow } from './report-store.ts';
import { mondayOf, weekStarts, workingMinutesByWeek } from './working-minutes.ts';

/** The longest range one report covers: two years of weeks. */
export const MAX_REPORT_DAYS = 731;

export interface ReportInput {
  /** The first date, in the business zone; absent = the first of this month. */
  readonly from?: string | undefined;
  /** The last date, included; absent = the last of this month (or of `from`'s month). */
  readonly to?: string | undefined;
  /** One member's figures; absent = everyone the actor may see. */
  readonly staff?: string | undefined;
}

/** One line of figures; money in minor units of the report's currency. */
export interface Figures {
  readonly bookings: number;
  readonly noShows: number;
  readonly cancellations: number;
  readonly paid: number;
  readonly due: number;
  readonly bookedMinutes: number;
  readonly workingMinutes: number;
}

export interface Report {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly currency: string;
  readonly staffId: string | null;
  readonly totals: Figures;
  /** Every week the range touches, by its Monday, in order. */
  readonly weeks: readonly (Figures & { readonly week: string })[];
  readonly staff: readonly (Figures & { readonly id: string; readonly name: string })[];
  readonly otherCurrencies: readonly { readonly currency: string; readonly paid: number; readonly due: number }[];
}

const ZERO: Figures = {
  bookings: 0,
  noShows: 0,
  cancellations: 0,
  paid: 0,
  due: 0,
  bookedMinutes: 0,
  workingMinutes: 0,
};

function add(a: Figures, b: Partial<Figures>): Figures {
  return {
    bookings: a.bookings + (b.bookings ?? 0),
    noShows: a.noShows + (b.noShows ?? 0),
    cancellations: a.cancellations + (b.cancellations ?? 0),
    paid: a.paid + (b.paid ?? 0),
    due: a.due + (b.due ?? 0),
    bookedMinutes: a.bookedMinutes + (b.bookedMinutes ?? 0),
    workingMinutes: a.workingMinutes + (b.workingMinutes ?? 0),
  };
}

export async function getReport(
  deps: { store: Pick<Store, 'getBusiness' | 'listStaff' | 'reportRows'>; clock: Clock },
  actor: Actor,
  asked: ReportInput,
): Promise<Result<Report>> {
  const [business, allStaff] = await Promise.all([deps.store.getBusiness(), deps.store.listStaff()]);
  const zone = business.timezone;
  const month = datesOfMonth(monthOf(asked.from ?? dateOf(deps.clock.now(), zone))) ?? [];
  const input = {
    from: asked.from ?? month[0] ?? '',
    to: asked.to ?? month[month.length - 1] ?? '',
    staff: asked.staff,
  };
  const span = daysBetween(input.from, input.to);
  if (span < 0) return invalid('The range ends before it starts.', { to: 'must not be before "from"' });
  if (span >= MAX_REPORT_DAYS) return invalid('The range is too long.', { to: `at most ${MAX_REPORT_DAYS} days` });
  const scope = staffScope(actor);
  if (input.staff !== undefined) {
    const denied = notOwned(actor, input.staff, 'staff member', input.staff);
    if (denied) return denied;
  }
  const staffId = input.staff ?? scope;
  if (staffId !== null && !allStaff.some((m) => m.id === staffId)) {
    return invalid('Unknown staff member.', { staff: `no staff member ${staffId}` });
  }
  const window = { start: dayWindow(input.from, zone).start, end: dayWindow(input.to, zone).end };
  const rows = await deps.store.reportRows({ window, zone, staffId });

  const weeks = new Map<string, Figures>();
  for (let w = mondayOf(input.from); w <= input.to; w = addDays(w, 7)) weeks.set(w, ZERO);
  const byStaff = new Map<string, Figures>();
  const others = new Map<string, { paid: number; due: number }>();
  for (const r of rows) {
    const money = r.currency === business.currency ? r : { ...r, paid: 0, due: 0 };
    if (r.currency !== business.currency) {
      const o = others.get(r.currency) ?? { paid: 0, due: 0 };
      others.set(r.currency, { paid: o.paid + r.paid, due: o.due + r.due });
    }
    weeks.set(r.week, add(weeks.get(r.week) ?? ZERO, figuresOf(money)));
    byStaff.set(r.staffId, add(byStaff.get(r.staffId) ?? ZERO, figuresOf(money)));
  }
  // Working time of the member asked for, or of every member who works or was booked (an inactive
  // member without bookings in the range is left out).
  const members = allStaff.filter((m) => (staffId === null ? m.active || byStaff.has(m.id) : m.id === staffId));
  const weekBounds = weekStarts(window, zone);
  for (const m of members) {
    let worked = 0;
    for (const [week, minutes] of workingMinutesByWeek(toSchedule(business, m), window, zone, weekBounds)) {
      weeks.set(week, add(weeks.get(week) ?? ZERO, { workingMinutes: minutes }));
      worked += minutes;
    }
    byStaff.set(m.id, add(byStaff.get(m.id) ?? ZERO, { workingMinutes: worked }));
  }
  const totals = [...weeks.values()].reduce(add, ZERO);
  const names = new Map(allStaff.map((m) => [m.id, m.name]));
  return ok({
    from: input.from,
    to: input.to,
    timezone: zone,
    currency: business.currency,
    staffId,
    totals,
    weeks: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([week, f]) => ({ week, ...f })),
    staff: [...byStaff]
      .map(([id, f]) => ({ id, name: names.get(id) ?? id, ...f }))
      .sort((a, b) => a.name.localeCompare(b.name) || Number(a.id) - Number(b.id)),
    otherCurrencies: [...others].map(([currency, o]) => ({ currency, ...o })),
  });
}

function figuresOf(r: ReportRow): Partial<Figures> {
  return {
    bookings: r.bookings,
    noShows: r.noShows,
    cancellations: r.cancellations,
    paid: r.paid,
    due: r.due,
    bookedMinutes: r.bookedMinutes,
  };
}

/** Booked minutes over working minutes, to three decimals; null without working time. */
export function utilisation(f: Figures): number | null {
  return f.workingMinutes > 0 ? Math.round((f.bookedMinutes / f.workingMinutes) * 1000) / 1000 : null;
}
