/** What a webhook may point at: an absolute http or https URL with a host, nothing else. */

export const MAX_WEBHOOK_URL = 2000;

/** Why a URL cannot be a webhook's, or null when it can. */
export function webhookUrlProblem(url: string): string | null {
  if (url.length > MAX_WEBHOOK_URL) return `at most ${MAX_WEBHOOK_URL} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'an absolute http or https URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'an http or https URL';
  if (!parsed.hostname) return 'a URL with a host';
  // The signature is the credential: a password in the URL would sit in logs and screenshots.
  if (parsed.username || parsed.password) return 'a URL without a user name or password';
  return null;
}
