/**
 * The booking pages under /admin/bookings (behind requirePageActor): the searchable list, a new
 * booking for a client on the phone (booking-new.tsx) and one booking with its forms
 * (booking-detail.tsx). Every handler calls the same use cases as the JSON API, so a staff member
 * meets the same rules here: another member's booking is a 404 page.
 */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { calendarView } from '../../../app/dashboard/bookings/calendar-view.ts';
import { DEFAULT_DAYS, listBookings } from '../../../app/dashboard/bookings/list-bookings.ts';
import { getBusiness } from '../../../app/get-business.ts';
import { addDays, dateOf, isDate } from '../../../core/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS } from '../../errors.ts';
import type { AdminEnv } from '../auth.ts';
import { parseFields } from '../form-kit/issue-words.ts';
import { wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { bookingDetailPages } from './booking-detail.tsx';
import { fieldErrors, refusalFieldErrors } from './booking-format.ts';
import { BookingListContent, type BookingListView, type ListFilters } from './booking-list-view.tsx';
import { newBookingPages } from './booking-new.tsx';
import { refusalPage } from './booking-refusal.tsx';
import { listBookingsQuery } from './bookings-api.ts';

const FILTERS = ['q', 'from', 'to', 'staff', 'status'] as const;

export function bookingPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/bookings', (c) => listPage(c, deps));
  // Before /bookings/:id, so "new" is not read as an id.
  app.route('/', newBookingPages(deps));
  app.route('/', bookingDetailPages(deps));
  return app;
}

async function listPage(c: Context<AdminEnv>, deps: AppDeps) {
  const actor = c.get('actor');
  const [business, view] = await Promise.all([getBusiness(deps), calendarView(deps, actor)]);
  const now = deps.clock.now();
  // The form shows the range the list uses: today and the next DEFAULT_DAYS days unless given.
  const asked = Object.fromEntries(FILTERS.map((k) => [k, (c.req.query(k) ?? '').trim()])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const from = asked.from || dateOf(now, business.timezone);
  const to = asked.to || (isDate(from) ? addDays(from, DEFAULT_DAYS) : '');
  const filters: ListFilters = { ...asked, from, to, staff: actor.role === 'admin' ? asked.staff : '' };
  const cursor = c.req.query('cursor') ?? '';
  const base: Omit<BookingListView, 'csrf' | 't'> = {
    filters,
    staff: actor.role === 'admin' ? view.staff : [],
    bookings: [],
    nextCursor: null,
    paged: cursor !== '',
    timezone: business.timezone,
    now,
  };
  const given = Object.fromEntries(Object.entries({ ...filters, cursor }).filter(([, v]) => v !== ''));
  const parsed = parseFields(listBookingsQuery, given);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.fields, {}, await wordsOf(c, deps));
    return renderList(c, deps, { ...base, errors }, 400);
  }
  const r = await listBookings(deps, actor, parsed.data);
  if (!r.ok) {
    if (r.code !== 'VALIDATION_FAILED') return refusalPage(c, deps, r);
    const errors = refusalFieldErrors(r, {}, await wordsOf(c, deps));
    return renderList(c, deps, { ...base, errors }, STATUS[r.code]);
  }
  return renderList(c, deps, { ...base, bookings: r.value.bookings, nextCursor: r.value.nextCursor });
}

async function renderList(
  c: Context<AdminEnv>,
  deps: AppDeps,
  view: Omit<BookingListView, 'csrf' | 't'>,
  status: ContentfulStatusCode = 200,
) {
  const shell = await shellOf(c, deps);
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={shell.t.bookings.title} current="bookings">
        <BookingListContent {...view} csrf={shell.csrf} t={shell.t} />
      </AdminLayout>,
    ),
    status,
  );
}
