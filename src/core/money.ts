/**
 * Money as integer minor units inside, decimal strings at the edges ("120.00" EUR ↔ 12000).
 * The number of decimals is the currency's (ISO 4217, via Intl): JPY has none, EUR two.
 */

const exponents = new Map<string, number>();

/** Whether a code is an ISO 4217 currency this platform knows. */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return false;
  }
}

/** Decimal places of a currency's minor unit. */
export function currencyExponent(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, e);
  }
  return e;
}

/** "120.5" → 12050 for EUR; null when the text is not a non-negative amount with at most the currency's decimals. */
export function toMinor(amount: string, currency: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(amount);
  if (!m) return null;
  const exp = currencyExponent(currency);
  const frac = m[2] ?? '';
  if (frac.length > exp) return null;
  return Number(m[1]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
}

/** 12050 → "120.50" for EUR, 500 → "500" for JPY. */
export function toDecimal(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  if (exp === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(exp + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -exp)}.${s.slice(-exp)}`;
}
