// @ts-check
/**
 * The pages' only script, a small progressive enhancement (everything works without it):
 * - remembers the browser's time zone in a cookie (the inline first-zone.js shows times in it);
 * - makes the month calendar a keyboard grid (arrows, Home/End, Page Up/Down);
 * - submits the staff choice when it changes; keeps Next disabled until a time is chosen;
 * - moves focus to an error summary or notice after a page load.
 */
document.documentElement.dataset.js = '';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const cookieZone = /(?:^|; )tz=([^;]*)/.exec(document.cookie)?.[1];
const url = new URL(location.href);
if (zone && decodeURIComponent(cookieZone ?? '') !== zone) {
  // The next pages come written in it; this one was rewritten by first-zone.js (no second load).
  // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie; the Cookie Store API is not in every browser
  document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
}

embedded();

/**
 * Inside the one-tag embed: embed.js names our frame "slotwise:<host origin>", and a frame keeps
 * its name across its navigations (storage and cookies are often refused to a frame on another
 * site). Tell that origin, and only it, this page's height and a booking just confirmed (its
 * reference only). The browser already checked the host may frame us (CSP frame-ancestors); a
 * wrong name only sends messages nowhere. Links and forms carry the language along.
 */
function embedded() {
  const named = /^slotwise:(https?:\/\/[^/]+)$/.exec(window.name)?.[1];
  if (window.parent === window || !named) return;
  const html = document.documentElement;
  html.dataset.embed = '';
  /** @param {Record<string, unknown>} message */
  const tell = (message) => window.parent.postMessage(message, named);
  const body = document.body;
  new ResizeObserver(() => tell({ slotwise: 'height', height: body.getBoundingClientRect().height })).observe(body);
  // Once per page view: history.state survives a reload of this page.
  const reference = document.querySelector('[data-confirmed]')?.getAttribute('data-confirmed');
  if (reference && history.state?.reported !== reference) {
    tell({ slotwise: 'booking.confirmed', reference });
    history.replaceState({ reported: reference }, '');
  }
  for (const a of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll('a[href^="/"]'))) {
    const to = new URL(a.href);
    if (to.searchParams.has('lang')) continue;
    to.searchParams.set('lang', html.lang);
    a.href = `${to.pathname}${to.search}${to.hash}`;
  }
  for (const form of document.querySelectorAll('form[method="get"]')) {
    if (form.querySelector('[name="lang"]')) continue;
    form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: 'lang', value: html.lang }));
  }
}

for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  form.addEventListener('change', () => /** @type {HTMLFormElement} */ (form).requestSubmit());
}

for (const form of document.querySelectorAll('form[data-times]')) {
  const next = /** @type {HTMLButtonElement | null} */ (form.querySelector('[data-next]'));
  const hint = form.querySelector('[data-next-hint]');
  const update = () => {
    const chosen = form.querySelector('input[name="start"]:checked') !== null;
    if (next) next.disabled = !chosen;
    if (hint) hint.toggleAttribute('hidden', chosen);
  };
  form.addEventListener('change', update);
  update();
}

const grid = document.querySelector('[data-calendar]');
if (grid) {
  const cells = /** @type {HTMLElement[]} */ ([...grid.querySelectorAll('[data-date]')]);
  const byDate = new Map(cells.map((c) => [c.dataset.date, c]));
  const start = cells.find((c) => c.hasAttribute('data-focus')) ?? cells[0];
  for (const c of cells) c.tabIndex = c === start ? 0 : -1;
  /** @param {string} date @param {number} days */
  const shift = (date, days) => {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  /** @param {HTMLElement} cell */
  const focusCell = (cell) => {
    for (const c of cells) c.tabIndex = -1;
    cell.tabIndex = 0;
    cell.focus();
  };
  /** @param {'prev' | 'next'} which @param {string} date */
  const goMonth = (which, date) => {
    const link = /** @type {HTMLAnchorElement | null} */ (document.querySelector(`[data-month="${which}"]`));
    if (!link) return;
    const to = new URL(link.href);
    to.searchParams.set('focus', date);
    location.assign(to.href);
  };
  grid.addEventListener('keydown', (e) => {
    const ev = /** @type {KeyboardEvent} */ (e);
    const cell = /** @type {HTMLElement} */ (ev.target);
    const date = cell.dataset.date;
    if (!date) return;
    const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
    /** @type {Record<string, number>} */
    const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -weekday, End: 6 - weekday };
    if (ev.key in moves) {
      const target = shift(date, moves[ev.key] ?? 0);
      const found = byDate.get(target);
      if (found) focusCell(found);
      else goMonth(target < date ? 'prev' : 'next', target);
      ev.preventDefault();
    } else if (ev.key === 'PageUp' || ev.key === 'PageDown') {
      goMonth(ev.key === 'PageUp' ? 'prev' : 'next', date);
      ev.preventDefault();
    } else if (ev.key === ' ' && cell instanceof HTMLAnchorElement) {
      // Enter already follows a link; Space (the grid's other activation key) does not.
      cell.click();
      ev.preventDefault();
    }
  });
  const wanted = url.searchParams.get('focus');
  if (wanted) {
    const day = Number(wanted.slice(8));
    // The same day number in the new month (or its last day).
    const target = cells.find((c) => Number(c.dataset.date?.slice(8)) === day) ?? cells[cells.length - 1];
    if (target) focusCell(target);
  }
}

const focusFirst = /** @type {HTMLElement | null} */ (document.querySelector('[data-focus-on-load]'));
if (focusFirst) focusFirst.focus();
else if (location.hash === '#times') {
  const first = /** @type {HTMLElement | null} */ (document.querySelector('input[name="start"]'));
  const legend = /** @type {HTMLElement | null} */ (document.querySelector('[data-times] legend'));
  if (legend) {
    legend.tabIndex = -1;
    (first ?? legend).focus();
  }
}
