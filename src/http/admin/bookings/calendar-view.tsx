/**
 * The bookings calendar's content: the staff filter, the service colour legend, a live region for
 * what a drag did, and the element FullCalendar fills (src/http/assets/admin-calendar.js).
 */
import type { CalendarView } from '../../../app/dashboard/bookings/calendar-view.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { readableAccent } from '../../pages/layout.tsx';

const FALLBACK = '#3949ab';

export function CalendarContent(p: { view: CalendarView; date?: string | undefined; t: DashboardMessages }) {
  const { view, date, t } = p;
  const w = t.bookings.calendar;
  const colours = Object.fromEntries(view.services.map((s) => [s.id, readableAccent(s.color) ?? FALLBACK]));
  // The script's words, handed over whole (it picks them at run time), and FullCalendar's locale
  // code (its locale file is in the page's head).
  const words = Object.fromEntries(Object.keys(w.script).map((k) => [k, w.script[k as keyof typeof w.script]]));
  const config = { locale: t.common.lang, ...words };
  return (
    <>
      <h1>{w.title}</h1>
      <div class="calendar-tools">
        {view.staff.length > 1 ? (
          <p>
            <label for="staff-filter">{w.staff}</label>{' '}
            <select id="staff-filter">
              <option value="">{w.everyone}</option>
              {view.staff.map((m) => (
                <option value={m.id}>{m.active ? m.name : w.inactive(m.name)}</option>
              ))}
            </select>
          </p>
        ) : null}
        <p class="check">
          <label>
            <input type="checkbox" id="show-cancelled" /> {w.showCancelled}
          </label>
        </p>
        <ul class="legend" aria-label={w.services}>
          {view.services.map((s) => (
            <li>
              <span class="swatch" style={`background:${colours[s.id]}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      </div>
      <p>
        {w.intro} <a href="/admin/bookings">{w.listLink}</a> {w.introEnd}
      </p>
      {/* Always in the page (empty until a drop), so screen readers announce what is written into it. */}
      <p id="calendar-message" role="status" aria-live="polite" class="calendar-message" />
      <noscript>
        <p>
          {w.noScript} <a href="/admin/bookings">{w.listLink}</a> {w.noScriptEnd}
        </p>
      </noscript>
      <div id="calendar" data-colours={JSON.stringify(colours)} data-date={date} data-config={JSON.stringify(config)} />
    </>
  );
}
