/**
 * A failed delivery's cause in the dashboard's language. The delivery job stores it in English
 * (jobs/deliver-webhook.ts: `HTTP 500`, `no answer within 10 s`, the network error's own words)
 * and the admin API shows it as stored; the log on the page says it again from its shape: the
 * status, the wait, a refused connection, an unknown host, a private address, a broken TLS.
 * A cause none of these shapes fits is shown after a translated "the request failed".
 */
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';

const SHAPES: readonly [RegExp, (t: DashboardMessages, m: string[]) => string][] = [
  [/^HTTP (\d{3}) \(redirects are not followed\)$/, (t, m) => t.webhooks.log.causes.redirect(m[1] ?? '')],
  [/^HTTP (\d{3})$/, (t, m) => t.webhooks.log.causes.status(m[1] ?? '')],
  [/^no answer within (\d+(?:\.\d+)?) s$/, (t, m) => t.webhooks.log.causes.timeout(m[1] ?? '')],
  [/not a public internet address/, (t) => t.webhooks.log.causes.notPublic],
  [/ECONNREFUSED/, (t) => t.webhooks.log.causes.refused],
  [/ENOTFOUND|EAI_AGAIN/, (t) => t.webhooks.log.causes.noHost],
  [/ECONNRESET|socket hang up|other side closed|EPIPE/, (t) => t.webhooks.log.causes.reset],
  [/certificate|CERT_|SSL|TLS/i, (t) => t.webhooks.log.causes.tls],
];

export function deliveryErrorWords(error: string, t: DashboardMessages): string {
  for (const [shape, words] of SHAPES) {
    const m = shape.exec(error);
    if (m) return words(t, [...m]);
  }
  return t.webhooks.log.causes.other(error);
}
