/** The account use cases' deps from the app's: argon2id unless the app was given another hasher. */
import type { PasswordHasher } from '../../../app/ports.ts';
import { argon2Hasher } from '../../../auth/argon2-hasher.ts';
import type { AppDeps } from '../../deps.ts';

export function accountDeps(deps: AppDeps): AppDeps & { readonly hasher: PasswordHasher } {
  return { ...deps, hasher: deps.hasher ?? argon2Hasher };
}
