// @ts-check
/**
 * Inlined at the end of every public page (its hash is in the page's CSP, decision 028): on a
 * first visit, when no zone was chosen and the browser's differs from the one the server wrote,
 * rewrite the marked times into the browser's zone before the first paint, and send that zone on
 * with the page's forms. booker.js keeps it in a cookie, so the next pages come written in it.
 */
(() => {
  const html = document.documentElement;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const shown = html.dataset.tz;
  if (!zone || !shown || zone === shown || html.dataset.tzChosen !== undefined) return;
  /** @param {Intl.DateTimeFormatOptions} o @param {string} [tz] */
  const format = (o, tz = zone) => new Intl.DateTimeFormat(html.dataset.intl, { ...o, timeZone: tz });
  const clock = { hour: '2-digit', minute: '2-digit' };
  const dayOf = (/** @type {number} */ at, /** @type {string} */ tz) => format({ dateStyle: 'short' }, tz).format(at);
  for (const el of /** @type {NodeListOf<HTMLTimeElement>} */ (document.querySelectorAll('time[data-f]'))) {
    const start = Date.parse(el.dateTime);
    const before = el.textContent ?? '';
    if (el.dataset.f === 'span') {
      const end = Date.parse(el.dataset.end ?? '');
      const long = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', ...clock };
      el.textContent = format(/** @type {Intl.DateTimeFormatOptions} */ (long)).formatRange(start, end);
      continue;
    }
    // A time that falls on another day here than in the zone the day was listed in says its day.
    const otherDay = dayOf(start, zone) !== dayOf(start, shown);
    const o = otherDay ? { weekday: 'short', day: 'numeric', month: 'short', ...clock } : clock;
    el.textContent = format(/** @type {Intl.DateTimeFormatOptions} */ (o)).format(start);
    const template = /** @type {HTMLElement | null} */ (el.closest('[data-business-time]'))?.dataset.businessTime;
    if (template) {
      const small = document.createElement('small');
      small.textContent = template.replace('%t', before);
      el.after(small);
    }
  }
  for (const el of document.querySelectorAll('[data-zone]')) el.textContent = zone.replaceAll('_', ' ');
  for (const el of document.querySelectorAll('input[type="hidden"][name="tz"], select[name="tz"]')) {
    if (el instanceof HTMLSelectElement && ![...el.options].some((o) => o.value === zone)) continue;
    /** @type {HTMLInputElement | HTMLSelectElement} */ (el).value = zone;
  }
  html.dataset.tz = zone;
})();
