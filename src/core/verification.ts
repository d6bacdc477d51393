/**
 * The rules of an email verification code (SPEC §3.4): valid for 10 minutes, 5 tries, re-sent at
 * most once a minute. Pure: the caller supplies the stored facts and `now`.
 */

export const CODE_VALID_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_MS = 60_000;

export interface CodeFacts {
  /** When the current code was made; null while none has been sent yet. */
  readonly issuedAt: number | null;
  /** Tries already used on the current code. */
  readonly attempts: number;
  readonly now: number;
}

/** Whether the current code may still be tried. */
export function codeUsable(f: CodeFacts): boolean {
  return f.issuedAt !== null && f.now < f.issuedAt + CODE_VALID_MS && f.attempts < CODE_MAX_ATTEMPTS;
}

/** Milliseconds until another code may be requested (0 = now). */
export function resendWaitMs(lastRequestedAt: number, now: number): number {
  return Math.max(0, lastRequestedAt + CODE_RESEND_MS - now);
}
