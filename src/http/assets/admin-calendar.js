// @ts-check
/**
 * The dashboard's bookings calendar: FullCalendar (day / week / month / list) over the admin JSON
 * API. Dragging a booking asks the server to move it (PATCH, same rules and database guarantee as
 * the public flow); a refused drop snaps back and says why. Without script the page links to the
 * booking list instead.
 */
/* global FullCalendar */

const root = /** @type {HTMLElement | null} */ (document.getElementById('calendar'));
const csrf = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="csrf-token"]'))?.content ?? '';
const message = document.getElementById('calendar-message');
const staffFilter = /** @type {HTMLSelectElement | null} */ (document.getElementById('staff-filter'));
const showCancelled = /** @type {HTMLInputElement | null} */ (document.getElementById('show-cancelled'));

/**
 * The words in the dashboard's language and FullCalendar's locale code, written by the server
 * (calendar-view.tsx, from the dashboard catalogue's bookings.calendar.script); English if absent.
 */
const config = JSON.parse(root?.dataset.config || '{}');
/** @param {string} text @param {Record<string, string>} values */
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);

/** @param {string} text @param {'ok' | 'error'} kind */
function say(text, kind) {
  if (!message) return;
  message.textContent = text;
  message.dataset.kind = kind;
}

/** Why the server refused a drop, in words (API.md refusal reasons). */
const REFUSALS = /** @type {Record<string, string>} */ (config.refusals ?? {});

/** What became of a booking, as the event's title says it. */
const OUTCOMES = /** @type {Record<string, string>} */ (config.outcomes ?? {});

/** A local date as YYYY-MM-DD. @param {Date} d */
const ymd = (d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** @param {Date} d @param {number} days */
const addDays = (d, days) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);

/** Every booking of the range, following the API's pages. @param {Date} start @param {Date} end */
async function loadBookings(start, end) {
  // The API's dates are the business's; a day of margin each side covers any zone difference.
  const params = new URLSearchParams({ from: ymd(addDays(start, -1)), to: ymd(addDays(end, 1)), limit: '200' });
  if (staffFilter?.value) params.set('staff', staffFilter.value);
  const all = [];
  let cursor = null;
  do {
    if (cursor) params.set('cursor', cursor);
    const res = await fetch(`/api/v1/admin/bookings?${params}`, { headers: { accept: 'application/json' } });
    if (res.status === 401) {
      location.href = `/admin/sign-in?next=${encodeURIComponent(location.pathname)}`;
      return [];
    }
    if (!res.ok) {
      const text = config.loadFailed ?? 'The bookings could not be loaded ({status}).';
      throw new Error(fill(text, { status: String(res.status) }));
    }
    const page = await res.json();
    all.push(...page.bookings);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** Service id → its colour, darkened by the server until white text on it is readable. */
const colours = /** @type {Record<string, string>} */ (JSON.parse(root?.dataset.colours || '{}'));

/** @param {any} b */
function toEvent(b) {
  const live = b.status !== 'cancelled' && b.status !== 'expired';
  const colour = colours[b.service.id] ?? '#3949ab';
  return {
    id: b.id,
    // The client first: a short booking's box shows one line, and the colour already says the service.
    // A past booking's mark follows (SPEC §10.3); selecting it opens its page, where it is marked.
    title: `${b.client.name} — ${b.service.name}${b.outcome ? ` (${OUTCOMES[b.outcome] ?? b.outcome})` : ''}`,
    start: b.start,
    end: b.end,
    url: `/admin/bookings/${b.id}`,
    backgroundColor: live ? colour : '#616161',
    borderColor: live ? colour : '#424242',
    textColor: '#ffffff',
    editable: b.status === 'confirmed',
    classNames: live ? [] : ['is-cancelled'],
    extendedProps: { staff: b.staff, status: b.status, reference: b.reference },
  };
}

if (root) {
  const calendar = new FullCalendar.Calendar(root, {
    // Seven columns do not fit a phone: there the week opens as a list (Day/Week/Month stay a tap away).
    initialView: root.dataset.view || (matchMedia('(max-width: 640px)').matches ? 'listWeek' : 'timeGridWeek'),
    initialDate: root.dataset.date || undefined,
    // Dates in the dashboard's language (FullCalendar hands the code to Intl; its own words for
    // that language come from the locale file in the page's head); the buttons' words below are the
    // dashboard catalogue's.
    locale: config.locale || document.documentElement.lang || 'en',
    headerToolbar: {
      left: 'prev,next today',
      center: 'title',
      right: 'timeGridDay,timeGridWeek,dayGridMonth,listWeek',
    },
    // Words, not icon fonts: FullCalendar's chevrons are role="img" without a text alternative.
    buttonIcons: false,
    buttonText: config.buttons ?? {
      prev: '‹ Previous',
      next: 'Next ›',
      today: 'Today',
      day: 'Day',
      week: 'Week',
      month: 'Month',
      list: 'List',
    },
    buttonHints: config.hints ?? { prev: 'Previous $0', next: 'Next $0', today: 'This $0' },
    views: {
      timeGrid: { dayHeaderFormat: { weekday: 'short', day: 'numeric', month: 'short', omitCommas: true } },
      dayGridMonth: { dayHeaderFormat: { weekday: 'short' } },
    },
    // Coloured boxes with white text in the month view too, not dots with link-blue text.
    eventDisplay: 'block',
    firstDay: 1,
    nowIndicator: true,
    height: 'auto',
    slotMinTime: root.dataset.dayStart || '07:00:00',
    slotMaxTime: root.dataset.dayEnd || '21:00:00',
    allDaySlot: false,
    // A 20-minute booking stays a 44 px target with its client's name readable.
    eventMinHeight: 44,
    editable: true,
    eventDurationEditable: false,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
    events: (info, success, failure) => {
      loadBookings(info.start, info.end)
        .then((bookings) =>
          success(
            bookings
              .filter((b) => showCancelled?.checked || (b.status !== 'cancelled' && b.status !== 'expired'))
              .map(toEvent),
          ),
        )
        .catch((error) => {
          say(error.message, 'error');
          failure(error);
        });
    },
    eventDidMount: (info) => {
      const { staff, status, reference } = info.event.extendedProps;
      info.el.setAttribute('title', `${info.event.title} · ${staff.name} · ${reference} · ${status}`);
      info.el.dataset.bookingId = info.event.id;
    },
    eventDrop: async (info) => {
      const event = info.event;
      say(fill(config.moving ?? 'Moving {title}…', { title: event.title }), 'ok');
      const res = await fetch(`/api/v1/admin/bookings/${event.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ start: event.start?.toISOString() }),
      }).catch(() => null);
      if (res?.ok) {
        const moved = await res.json();
        event.setExtendedProp('status', moved.status);
        const when = event.start?.toLocaleString(config.locale || [], { dateStyle: 'full', timeStyle: 'short' }) ?? '';
        say(
          fill(config.moved ?? 'Moved {title} to {when}. The client has been emailed.', { title: event.title, when }),
          'ok',
        );
        return;
      }
      info.revert();
      const body = res ? await res.json().catch(() => null) : null;
      const why =
        body?.error?.code === 'SLOT_UNAVAILABLE'
          ? (REFUSALS[body.error.details?.reason] ?? config.notFree ?? 'That time is not free')
          : (body?.error?.message?.replace(/\.$/, '') ?? config.unreachable ?? 'The server could not be reached');
      say(fill(config.stays ?? '{why}: {title} stays where it was.', { why, title: event.title }), 'error');
    },
  });
  calendar.render();
  staffFilter?.addEventListener('change', () => calendar.refetchEvents());
  showCancelled?.addEventListener('change', () => calendar.refetchEvents());
  // A handle for browser tests and the console.
  /** @type {any} */ (window).slotwiseCalendar = calendar;
}
