/**
 * The PasswordHasher port over argon2id (@node-rs/argon2, OWASP's recommended parameters). The
 * native module loads with the first password hashed or checked, not at start-up: a dynamic
 * import of the package itself, which the bundle keeps dynamic (docs/PERFORMANCE.md, lazy imports).
 */
import type { PasswordHasher } from '../app/ports.ts';

let argon2: Promise<typeof import('@node-rs/argon2')> | null = null;
const load = () => {
  argon2 ??= import('@node-rs/argon2');
  return argon2;
};

// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2Hasher: PasswordHasher = {
  hash: async (password) => (await load()).hash(password, OPTIONS),
  async verify(stored, password) {
    const { verify } = await load();
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};

/** argon2id with the library's default parameters, as the set-up import and the demo hash. */
export const argon2DefaultHash = async (password: string): Promise<string> => (await load()).hash(password);
