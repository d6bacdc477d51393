/**
 * A failed delivery's cause in the dashboard's language. The delivery job stores it in English
 * (jobs/deliver-webhook.ts: `HTTP 500`, `no answer within 10 s`, the network error's own words)
 * and the admin API shows it as stored; the log on the page says it again from its shape: the
 * status, the wait, a refused connection, an unknown host, a private address, a broken TLS.
 * A cause none of these shapes fits is shown after a translated "the request failed".
 */
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';

type Causes = DashboardMessages['webhooks']['log']['causes'];

const SHAPES: readonly [RegExp, (w: Causes, m: string[]) => string][] = [
  [/^HTTP (\d{3}) \(redirects are not followed\)$/, (w, m) => w.redirect(m[1] ?? '')],
  [/^HTTP (\d{3})$/, (w, m) => w.status(m[1] ?? '')],
  [/^no answer within (\d+(?:\.\d+)?) s$/, (w, m) => w.timeout(m[1] ?? '')],
  [/not a public internet address/, (w) => w.notPublic],
  [/ECONNREFUSED/, (w) => w.refused],
  [/ENOTFOUND|EAI_AGAIN/, (w) => w.noHost],
  [/ECONNRESET|socket hang up|other side closed|EPIPE/, (w) => w.reset],
  [/certificate|CERT_|SSL|TLS/i, (w) => w.tls],
];

export function deliveryErrorWords(error: string, t: DashboardMessages): string {
  const w = t.webhooks.log.causes;
  for (const [shape, words] of SHAPES) {
    const m = shape.exec(error);
    if (m) return words(w, [...m]);
  }
  return w.other(error);
}
