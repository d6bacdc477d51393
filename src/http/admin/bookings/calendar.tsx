/** GET /admin: the bookings calendar (FullCalendar over the admin API; decision 015). */
import { Hono } from 'hono';
import { calendarView } from '../../../app/dashboard/bookings/calendar-view.ts';
import { unmarkedBookings } from '../../../app/dashboard/bookings/unmarked-bookings.ts';
import type { AppDeps } from '../../deps.ts';
import { ASSETS } from '../../pages/assets.ts';
import { date } from '../../validation.ts';
import type { AdminEnv } from '../auth.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { CalendarContent } from './calendar-view.tsx';
import { ToMark } from './to-mark-view.tsx';

export function calendarPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const [shell, view, unmarked] = await Promise.all([
      shellOf(c, deps),
      calendarView(deps, c.get('actor')),
      unmarkedBookings(deps, c.get('actor')),
    ]);
    // ?date=YYYY-MM-DD opens the calendar on that day's week (links from the booking pages).
    const asked = date.safeParse(c.req.query('date'));
    const localeJs = ASSETS.fullCalendarLocaleJs[shell.locale];
    const head = (
      <>
        <script defer src={ASSETS.fullCalendarJs} />
        {localeJs ? <script defer src={localeJs} /> : null}
        <script defer src={ASSETS.calendarJs} />
      </>
    );
    return c.html(
      adminPage(
        <AdminLayout {...shell} title={shell.t.bookings.calendar.title} current="calendar" head={head}>
          <CalendarContent view={view} date={asked.success ? asked.data : undefined} t={shell.t} />
          <ToMark bookings={unmarked} now={deps.clock.now()} csrf={shell.csrf} timezone={view.timezone} t={shell.t} />
        </AdminLayout>,
      ),
    );
  });
  return app;
}
