/** The account use cases' deps from the app's: argon2id unless the app was given another hasher. */
import type { AccountDeps } from '../../../app/dashboard/accounts/start-session.ts';
import { argon2Hasher } from '../../../auth/argon2-hasher.ts';
import type { AppDeps } from '../../deps.ts';

export function accountDeps(deps: AppDeps): AccountDeps {
  return {
    store: deps.store,
    clock: deps.clock,
    secret: deps.secret,
    hasher: deps.hasher ?? argon2Hasher,
    ...(deps.rateLimits ? { rateLimits: deps.rateLimits } : {}),
  };
}
