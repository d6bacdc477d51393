/**
 * The bookings calendar in a real browser, on the demo studio started as `npm start` starts it
 * (`slotwise serve --demo`): the demo admin signs in with the credentials the start-up banner
 * prints, sees the demo bookings in the week view, drags one to a free time (moved, emailed, the
 * API agrees) and another onto a taken time (it snaps back and the page says why). A demo staff
 * member sees only their own bookings. axe's WCAG 2.2 AA rules run on the calendar (week and
 * month), the booking list, a booking's page and the new-booking page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_ZONE } from '../../src/demo/demo-studio.ts';
import { DESKTOP, type DemoServer, describeBrowser, MOBILE, shown, waitForMail } from '../support/browser.ts';
import { signInAs, useBrowserSuite } from '../support/browser-suite.ts';
import { type RunningServer, startCli } from '../support/cli.ts';
import { seedDataDir } from '../support/templates.ts';

interface ApiBooking {
  id: string;
  reference: string;
  status: string;
  start: string;
  end: string;
  service: { id: string; name: string };
  staff: { id: string; name: string };
  client: { name: string; email: string };
}

interface Slot {
  start: string;
  end: string;
  staff: string[];
}

/** "2027-03-29T10:00:00+01:00" → its wall date and "HH:MM:SS" (the demo's zone is the browser's). */
const wall = (iso: string) => ({ date: iso.slice(0, 10), time: `${iso.slice(11, 16)}:00` });

describeBrowser('the bookings calendar', () => {
  let cli: RunningServer;
  let credentials: { email: string; password: string; staff: string[] };

  /** Exactly `npm start` (serve --demo), on a fresh data directory and a free port. */
  async function serveDemo(): Promise<DemoServer> {
    const dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-calendar-')));
    cli = await startCli(['serve', '--demo', '--port', '0'], {
      SLOTWISE_DATA_DIR: dir,
      HOST: '127.0.0.1',
      RATE_LIMIT_PER_IP: '0',
    });
    const banner = /Dashboard: (\S+)\/admin — sign in as (\S+) \/ (\S+)/.exec(cli.output());
    const staffLine = /Staff sign-in \(own bookings and schedule\): (.+) \/ (\S+)/.exec(cli.output());
    if (!banner || !staffLine) throw new Error(`no sign-in in the banner:\n${cli.output()}`);
    credentials = {
      email: banner[2] as string,
      password: banner[3] as string,
      staff: (staffLine[1] as string).split(', '),
    };
    const lines: string[] = [];
    return {
      url: cli.url,
      lines,
      async close() {
        const code = await cli.stop();
        rmSync(dir, { recursive: true, force: true });
        expect(code, 'exit code').toBe(0);
        // Its JSON log lines at level error, as the suite reads a server's lines.
        for (const l of cli.stderr().split('\n')) if (l.includes('"level":"error"')) lines.push(`error ${l}`);
      },
    };
  }

  const suite = useBrowserSuite({ start: serveDemo });
  const signIn = async (
    test: string,
    email: string,
    password: string,
    viewport: { width: number; height: number } = DESKTOP,
  ) => signInAs(await suite.open(test, { timezoneId: DEMO_ZONE, viewport }), email, password);

  it('prints the demo sign-ins at start-up, and they work', () => {
    expect(cli.output()).toContain(`Dashboard: ${cli.url}/admin — sign in as admin@lumen.test / lumen-demo-2027`);
    expect(credentials.staff).toEqual(['ana@lumen.test', 'tomas@lumen.test', 'mei@lumen.test']);
  });

  it('shows the demo bookings in the week view, moves one by drag and drop, and snaps a refused drop back', async () => {
    const s = await signIn('calendar-admin', credentials.email, credentials.password, TALL);
    const { page } = s;
    const bookings = await apiBookings(page);
    expect(bookings.length).toBeGreaterThanOrEqual(5);
    const plan = await dragPlan(page, bookings);

    // The week of the booking to drag: every booking of that week is on the calendar.
    await page.goto(`/admin?date=${plan.day}`);
    await events(page).first().waitFor();
    const range = await visibleRange(page);
    const inWeek = bookings.filter((b) => b.start >= range.start && b.start < range.end).map((b) => b.id);
    expect(inWeek.length).toBeGreaterThan(0);
    await expect.poll(() => shownIds(page)).toEqual([...inWeek].sort());
    expect(await shown(page.locator('.fc-toolbar-title'))).toMatch(/\d{4}/);
    const keyboard = page.locator('main p a[href="/admin/bookings"]');
    expect(await shown(keyboard)).toBe('booking list');
    await s.shot('week');
    await s.axe('calendar week');

    // A drag to a free time of the same member, same day: moved, said, saved, emailed.
    const moving = plan.booking;
    await drag(page, moving.id, plan.day, plan.to.time);
    const message = page.locator('#calendar-message');
    await expect.poll(() => message.getAttribute('data-kind')).toBe('ok');
    await expect.poll(() => shown(message)).toMatch(/^Moved .+\. The client has been emailed\.$/);
    expect(await message.getAttribute('role')).toBe('status');
    const moved = await apiBooking(page, moving.id);
    expect(Date.parse(moved.start)).toBe(Date.parse(plan.to.start));
    const mail = await waitForMail(suite.server, moving.client.email, (m) => m.subject.startsWith('Booking changed'));
    expect(mail.subject).toContain(moving.reference);
    await s.shot('moved');

    // Another booking of that member, dropped onto the moved one's new time: refused, back in place.
    const other = await bookFor(page, moving, plan.free);
    await page.goto(`/admin?date=${plan.day}`);
    const otherEvent = eventOf(page, other.id);
    await otherEvent.waitFor();
    const before = await placeOf(page, other.id, plan.day);
    await drag(page, other.id, plan.day, plan.to.time);
    await expect.poll(() => message.getAttribute('data-kind')).toBe('error');
    expect(await shown(message)).toBe(
      `That time is taken by another booking of the same staff member: Walk In — ${moving.service.name} stays where it was.`,
    );
    // FullCalendar animates the way back; the event ends where it started (the message above moved the grid down).
    await expect.poll(() => placeOf(page, other.id, plan.day)).toEqual(before);
    expect((await apiBooking(page, other.id)).start).toBe(other.start);
    await s.shot('refused');
    await s.axe('calendar after a refused drop');

    // Month view.
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await page.locator('.fc-dayGridMonth-view').waitFor();
    await s.shot('month');
    await s.axe('calendar month');

    // A click opens the booking's page, with the move made by the drag in its history.
    await page.goto(`/admin?date=${plan.day}`);
    await eventOf(page, moving.id).click();
    await page.waitForURL(new RegExp(`/admin/bookings/${moving.id}$`));
    expect(await shown(page.locator('h1'))).toBe(`${moving.service.name} for ${moving.client.name}`);
    expect(await shown(page.locator('.history'))).toContain('Moved by staff');
    await s.shot('booking');
    await s.axe('booking page');

    await page.goto('/admin/bookings');
    expect(await page.locator('table.bookings tbody tr').count()).toBeGreaterThanOrEqual(6);
    await s.shot('list');
    await s.axe('booking list');

    await page.goto(`/admin/bookings/new?service=${moving.service.id}&staff=${moving.staff.id}&date=${plan.day}`);
    await page.locator('input[name="start"]').first().waitFor();
    await s.shot('new-booking');
    await s.axe('new booking');
  });

  it('opens as a list on a phone, with the toolbar inside the screen', async () => {
    const s = await signIn('calendar-phone', credentials.email, credentials.password, MOBILE);
    const { page } = s;
    const bookings = await apiBookings(page);
    await page.goto(`/admin?date=${(bookings[0] as ApiBooking).start.slice(0, 10)}`);
    await events(page).first().waitFor();
    expect(await page.locator('#calendar .fc-list').count()).toBe(1);
    const range = await visibleRange(page);
    const inWeek = bookings.filter((b) => b.start >= range.start && b.start < range.end).map((b) => b.id);
    await expect.poll(() => shownIds(page)).toEqual([...inWeek].sort());
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(MOBILE.width);
    await s.shot('phone list');
    await s.axe('calendar list, phone');
  });

  it('shows a staff member only their own bookings, without a staff filter', async () => {
    const admin = await signIn('calendar-admin-read', credentials.email, credentials.password);
    const bookings = await apiBookings(admin.page);
    await admin.close();
    // The member with the most bookings, signed in with the demo password the banner printed.
    const counts = new Map<string, ApiBooking[]>();
    for (const b of bookings) counts.set(b.staff.id, [...(counts.get(b.staff.id) ?? []), b]);
    const mine = [...counts.values()].sort((a, b) => b.length - a.length)[0] as ApiBooking[];
    const member = (mine[0] as ApiBooking).staff;
    const email = credentials.staff.find((e) => e.startsWith(`${firstName(member.name)}@`)) as string;
    expect(email).toBeDefined();
    const s = await signIn('calendar-staff', email, credentials.password);
    const { page } = s;
    const day = (mine[0] as ApiBooking).start.slice(0, 10);
    await page.goto(`/admin?date=${day}`);
    await events(page).first().waitFor();
    expect(await page.locator('#staff-filter').count()).toBe(0);
    const range = await visibleRange(page);
    const expected = mine.filter((b) => b.start >= range.start && b.start < range.end).map((b) => b.id);
    await expect.poll(() => shownIds(page)).toEqual([...expected].sort());
    const others = bookings.filter((b) => b.staff.id !== member.id).map((b) => b.id);
    expect((await shownIds(page)).filter((id) => others.includes(id))).toEqual([]);
    // The staff member's own API answers the same: only their bookings.
    expect((await apiBookings(page)).map((b) => b.staff.id)).toEqual(mine.map(() => member.id));
    await s.shot('week');
    await s.axe('calendar week, staff');
  });

  it('speaks the dashboard language: FullCalendar’s buttons, day names and empty list in Portuguese', async () => {
    const s = await signIn('calendar-pt', credentials.email, credentials.password);
    const { page } = s;
    // The admin's own choice on the account page (reset at the end: the server is the suite's).
    const language = async (locale: string) => {
      const csrf = (await page.locator('meta[name="csrf-token"]').getAttribute('content')) ?? '';
      const res = await page.request.post('/admin/account/language', {
        form: { _csrf: csrf, locale },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
    };
    await language('pt');
    await page.goto('/admin?date=2020-01-06'); // a week long before the demo's bookings
    const toolbar = page.locator('#calendar .fc-toolbar');
    await toolbar.locator('button', { hasText: 'Hoje' }).waitFor();
    const buttons = await toolbar.locator('button').allTextContents();
    expect(buttons).toEqual(['‹ Anterior', 'Seguinte ›', 'Hoje', 'Dia', 'Semana', 'Mês', 'Lista']);
    // Day names come from Intl in pt-PT, the week starts on Monday: "seg. 6 jan."
    expect((await page.locator('#calendar .fc-col-header-cell').first().textContent())?.toLowerCase()).toMatch(/^seg/);
    // FullCalendar's own words come from its pt locale file (an empty list says so in Portuguese).
    // Its hint (the accessible name) is the catalogue's too.
    expect(await toolbar.locator('button', { hasText: 'Anterior' }).getAttribute('title')).toBe(
      'Período anterior (Semana)',
    );
    await toolbar.locator('button', { hasText: 'Lista' }).click();
    await expect.poll(() => page.locator('#calendar .fc-list-empty').textContent()).toBe('Não há eventos para mostrar');
    await s.shot('calendar pt');
    await language('');
  });
});

const TALL = { width: 1280, height: 1700 } as const;

/** What to drag where: a booking on the half-hour grid and two free times of its member that day. */
interface Plan {
  readonly booking: ApiBooking;
  readonly day: string;
  /** Where the drag takes it. */
  readonly to: { readonly start: string; readonly time: string };
  /** Another free time that day (for a second booking). */
  readonly free: string;
}

async function dragPlan(page: Page, bookings: ApiBooking[]): Promise<Plan> {
  for (const b of bookings) {
    if (b.status !== 'confirmed' || !/:(00|30):00/.test(b.start.slice(13))) continue;
    const day = b.start.slice(0, 10);
    const slots = await freeSlots(page, b.service.id, b.staff.id, day);
    // Half-hour starts at least an hour away, so the move is visible and the two times do not touch.
    const apart = slots.filter(
      (t) => /T\d\d:(00|30)/.test(t.start) && Math.abs(Date.parse(t.start) - Date.parse(b.start)) >= 3_600_000,
    );
    const to = apart[0];
    const free = apart.find((t) => Math.abs(Date.parse(t.start) - Date.parse(to?.start ?? '')) >= 2 * 3_600_000);
    if (to && free) return { booking: b, day, to: { start: to.start, time: wall(to.start).time }, free: free.start };
  }
  throw new Error(`no booking to drag among ${JSON.stringify(bookings.map((b) => b.start))}`);
}

async function freeSlots(page: Page, service: string, staff: string, date: string): Promise<Slot[]> {
  const res = await page.request.get(`/api/v1/availability/day?service=${service}&staff=${staff}&date=${date}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { slots: Slot[] }).slots;
}

/** Every booking from today on, through the admin API with the page's session. */
async function apiBookings(page: Page): Promise<ApiBooking[]> {
  const res = await page.request.get('/api/v1/admin/bookings?limit=200');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { bookings: ApiBooking[] }).bookings;
}

async function apiBooking(page: Page, id: string): Promise<ApiBooking> {
  const res = await page.request.get(`/api/v1/admin/bookings/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ApiBooking;
}

/** A second booking for the same member and service (the admin API, with the page's session and CSRF token). */
async function bookFor(page: Page, like: ApiBooking, start: string): Promise<ApiBooking> {
  const csrf = (await page.locator('meta[name="csrf-token"]').getAttribute('content')) ?? '';
  const res = await page.request.post('/api/v1/admin/bookings', {
    headers: { 'x-csrf-token': csrf },
    data: {
      service: like.service.id,
      staff: like.staff.id,
      start,
      client: { name: 'Walk In', email: 'walk.in@example.test' },
      notifyClient: false,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as ApiBooking;
}

const events = (page: Page) => page.locator('#calendar .fc-event');
const eventOf = (page: Page, id: string) => page.locator(`#calendar .fc-event[data-booking-id="${id}"]`);

/** The booking ids on the calendar, sorted. */
async function shownIds(page: Page): Promise<string[]> {
  const ids = await events(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-booking-id') ?? ''));
  return ids.sort();
}

/** The first and last instant the view shows, as ISO strings comparable with the API's (same zone). */
async function visibleRange(page: Page): Promise<{ start: string; end: string }> {
  const [start, end] = (await page.evaluate(`(() => {
    const v = window.slotwiseCalendar.view;
    const ymd = (d) => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    return [ymd(v.activeStart), ymd(v.activeEnd)];
  })()`)) as [string, string];
  return { start, end };
}

/** Where an event sits in its day's column (pixels from the column's top-left corner). */
async function placeOf(page: Page, id: string, date: string): Promise<{ x: number; y: number }> {
  const event = await eventOf(page, id).boundingBox();
  const column = await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  if (!event || !column) throw new Error(`no event ${id} on ${date}`);
  return { x: Math.round(event.x - column.x), y: Math.round(event.y - column.y) };
}

/** Presses on the event's first slot, moves to the time's slot in the day's column, lets go. */
async function drag(page: Page, id: string, date: string, time: string): Promise<void> {
  const from = await eventOf(page, id).boundingBox();
  const column = await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const lane = await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
  if (!from || !column || !lane) throw new Error(`nothing to drag or nowhere to drop: ${id} → ${date} ${time}`);
  await page.mouse.move(from.x + from.width / 2, from.y + 6);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 30, { steps: 5 });
  await page.mouse.move(column.x + column.width / 2, lane.y + 6, { steps: 15 });
  await page.mouse.up();
}

/** "Tomás Silva" → "tomas" (the demo's staff emails). */
const firstName = (name: string) =>
  (name.split(' ')[0] ?? '')
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
