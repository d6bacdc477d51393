/**
 * The bookings calendar's content: the staff filter, the service colour legend, a live region for
 * what a drag did, and the element FullCalendar fills (src/http/assets/admin-calendar.js).
 */
import type { CalendarView } from '../../../app/dashboard/bookings/calendar-view.ts';
import { readableAccent } from '../../pages/layout.tsx';

const FALLBACK = '#3949ab';

export function CalendarContent({ view, date }: { view: CalendarView; date?: string | undefined }) {
  const colours = Object.fromEntries(view.services.map((s) => [s.id, readableAccent(s.color) ?? FALLBACK]));
  return (
    <>
      <h1>Calendar</h1>
      <div class="calendar-tools">
        {view.staff.length > 1 ? (
          <p>
            <label for="staff-filter">Staff</label>{' '}
            <select id="staff-filter">
              <option value="">Everyone</option>
              {view.staff.map((m) => (
                <option value={m.id}>{m.active ? m.name : `${m.name} (inactive)`}</option>
              ))}
            </select>
          </p>
        ) : null}
        <p class="check">
          <label>
            <input type="checkbox" id="show-cancelled" /> Show cancelled
          </label>
        </p>
        <ul class="legend" aria-label="Services">
          {view.services.map((s) => (
            <li>
              <span class="swatch" style={`background:${colours[s.id]}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      </div>
      <p>
        Times are shown in your browser’s time zone. Drag a booking to move it; the client is emailed. Select a booking
        to see, edit or cancel it. Without a mouse, the <a href="/admin/bookings">booking list</a> does the same with
        forms.
      </p>
      {/* Always in the page (empty until a drop), so screen readers announce what is written into it. */}
      <p id="calendar-message" role="status" aria-live="polite" class="calendar-message" />
      <noscript>
        <p>
          The calendar needs JavaScript. The <a href="/admin/bookings">booking list</a> shows the same bookings.
        </p>
      </noscript>
      <div id="calendar" data-colours={JSON.stringify(colours)} data-date={date} />
    </>
  );
}
