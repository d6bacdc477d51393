/** `slotwise create-admin --email E`: creates a dashboard admin with a generated password. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { argon2Hasher } from '../auth/argon2-hasher.ts';
import { openRuntime } from '../main.ts';
import type { Io } from './io.ts';
import { configOrExit } from './main.ts';

export async function createAdminCommand(args: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const email = args.values.email;
  if (typeof email !== 'string' || !z.email().safeParse(email).success) {
    io.err('slotwise create-admin: give a valid --email, e.g. "slotwise create-admin --email you@example.com".');
    return 2;
  }
  const config = configOrExit(io, 'create-admin');
  if (!config) return 1;
  const rt = await openRuntime(config);
  try {
    const password = randomBytes(15).toString('base64url');
    await rt.store.applySetup({ admins: [{ email, password }] }, (p) => argon2Hasher.hash(p));
    io.out(`Admin ${email} is ready. Password (shown once): ${password}`);
    return 0;
  } finally {
    await rt.close();
  }
}
