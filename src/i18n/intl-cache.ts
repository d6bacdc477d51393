/**
 * Intl formatters, made once per locale and options. Building an Intl.DateTimeFormat costs about
 * a millisecond (it loads locale data and resolves the zone); a booking's emails and pages format
 * dozens of values, so a profile of the booking path showed formatter construction as its largest
 * single cost before this cache.
 */
const MAX = 500; // distinct (locale, options) pairs are few; the bound only guards odd inputs

function cached<O, F>(make: (locale: string, options: O) => F): (locale: string, options: O) => F {
  const made = new Map<string, F>();
  return (locale, options) => {
    const key = `${locale}|${JSON.stringify(options)}`;
    let f = made.get(key);
    if (!f) {
      if (made.size >= MAX) made.clear();
      f = make(locale, options);
      made.set(key, f);
    }
    return f;
  };
}

export const dateTimeFormat = cached(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);
export const numberFormat = cached(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
