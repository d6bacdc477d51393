/**
 * The data of the date-and-time picker shared by booking and rescheduling: the chosen member (or
 * "any"), date (today by default) and month, the month's availability and the chosen day's free
 * times, all in the viewer's zone. Query values that do not parse are ignored, never an error.
 */
import { getDayAvailability } from '../../app/get-day-availability.ts';
import { getMonthAvailability } from '../../app/get-month-availability.ts';
import type { ServiceOffer } from '../../app/list-services.ts';
import { addDays, type DaySummary, dateOf, isDate, monthOf, type Slot } from '../../core/index.ts';
import type { AppDeps } from '../deps.ts';
import type { PageContext } from './context.ts';

export interface PickerQuery {
  readonly staff?: string | undefined;
  readonly date?: string | undefined;
  readonly month?: string | undefined;
  /** A booking being moved: its own time is free for it (the day's times; the month stays as is). */
  readonly exclude?: { readonly staffId: string; readonly span: { start: number; end: number } } | undefined;
}

export interface PickerData {
  readonly staff: string;
  readonly date: string;
  readonly today: string;
  readonly month: string;
  readonly days: DaySummary[];
  readonly slots: Slot[];
  /** The first free day after the chosen one, when the month shown can tell; else null. */
  readonly nextFree: string | null;
  readonly prevMonth: string | null;
  readonly nextMonth: string | null;
}

const inRange = (d: string) => isDate(d) && d >= '1900-01-01' && d <= '2999-12-31';

export async function loadPicker(
  deps: AppDeps,
  ctx: PageContext,
  offer: ServiceOffer,
  q: PickerQuery,
): Promise<PickerData> {
  const ids = offer.staff.map((s) => s.id);
  const staff = q.staff && ids.includes(q.staff) ? q.staff : ids.length === 1 && ids[0] ? ids[0] : 'any';
  const today = dateOf(ctx.now, ctx.tz);
  const date = q.date && inRange(q.date) ? q.date : today;
  const month =
    q.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(q.month) && inRange(`${q.month}-01`) ? q.month : monthOf(date);
  const service = offer.service.slug;
  const [view, day] = await Promise.all([
    getMonthAvailability(deps, { service, staff, month, tz: ctx.tz }),
    getDayAvailability(deps, { service, staff, date, tz: ctx.tz, exclude: q.exclude }),
  ]);
  const days = view.ok ? view.value.days : [];
  const firstAvailable = view.ok ? view.value.firstAvailable : null;
  const nextFree = month === date.slice(0, 7) ? nextFreeDay(days, firstAvailable, date) : null;
  const prev = monthOf(addDays(`${month}-01`, -1));
  const next = monthOf(addDays(`${month}-01`, 32));
  return {
    staff,
    date,
    today,
    month,
    days,
    slots: day.ok ? day.value.slots : [],
    nextFree,
    prevMonth: prev >= monthOf(today) ? prev : null,
    nextMonth: next,
  };
}

/**
 * The first free day after `date` in its month, else the month view's first free day when it lies
 * ahead (the view looks past an empty month). Only asked when the month shown is the date's: another
 * month's days say nothing about the chosen date's.
 */
function nextFreeDay(days: readonly DaySummary[], firstAvailable: string | null, date: string): string | null {
  const later = days.find((d) => d.status === 'available' && d.date > date)?.date;
  if (later) return later;
  return firstAvailable && firstAvailable > date ? firstAvailable : null;
}
