/** The PasswordHasher port over argon2id (@node-rs/argon2, OWASP's recommended parameters). */
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../app/ports.ts';

// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  async verify(stored, password) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
