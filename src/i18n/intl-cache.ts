/**
 * Intl formatters, made once per locale and options. Building an Intl.DateTimeFormat costs about
 * a millisecond (it loads locale data and resolves the zone); a booking's emails and pages format
 * dozens of values, so a profile of the booking path showed formatter construction as its largest
 * single cost before this cache.
 */
const dates = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();
const MAX = 500; // distinct (locale, options) pairs are few; the bound only guards odd inputs

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dates.get(key);
  if (!f) {
    if (dates.size >= MAX) dates.clear();
    f = new Intl.DateTimeFormat(locale, options);
    dates.set(key, f);
  }
  return f;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numbers.get(key);
  if (!f) {
    if (numbers.size >= MAX) numbers.clear();
    f = new Intl.NumberFormat(locale, options);
    numbers.set(key, f);
  }
  return f;
}
