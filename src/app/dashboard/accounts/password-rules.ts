/** What a new dashboard password must be: long enough to resist guessing, short enough to hash. */

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Why a new password is not acceptable, or null when it is (counted in characters, not bytes). */
export function newPasswordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (password.trim() === '') return 'must not be only spaces';
  if (password.includes('\u0000')) return 'must not contain NUL characters';
  return null;
}
