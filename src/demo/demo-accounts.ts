/**
 * The demo's dashboard accounts: the admin comes with the set-up (demo-studio.ts); each
 * photographer gets a staff account with the same demo password, so both roles can be tried.
 * At start-up the banner prints the sign-ins that still have the demo password (one changed in
 * the dashboard is no longer printed: the banner never shows a password that does not work).
 * The demo password is public, so it works only on a local site (app/local-site.ts): a demo
 * started elsewhere gives each account that still has it a new random password, printed once.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, PasswordHasher, Store } from '../app/ports.ts';
import { DEMO_ADMIN_EMAIL, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './demo-studio.ts';

/** Gives every staff member without an account one, with the demo password. */
export async function createDemoStaffAccounts(
  deps: { store: Store; clock: Clock },
  hashPassword: (password: string) => Promise<string>,
): Promise<void> {
  for (const member of await deps.store.listStaff()) {
    if (await deps.store.findUserByStaff(member.id)) continue;
    await deps.store.createUser(
      {
        email: member.email,
        name: member.name,
        role: 'staff',
        staffId: member.id,
        passwordHash: await hashPassword(DEMO_PASSWORD),
      },
      deps.clock.now(),
    );
  }
}

export interface DemoSignIns {
  /** The admin's email while it still has the demo password, else null. */
  readonly admin: string | null;
  /** Staff emails that still have the demo password. */
  readonly staff: string[];
  readonly password: string;
}

/** Which demo accounts still sign in with the demo password. */
export async function demoSignIns(store: Store, hasher: PasswordHasher): Promise<DemoSignIns> {
  const users = await store.listUsers();
  const checked = await Promise.all(
    users.map(async (u) => {
      const found = await store.getUser(u.id);
      const works = found?.passwordHash ? await hasher.verify(found.passwordHash, DEMO_PASSWORD) : false;
      return { user: u, works };
    }),
  );
  const admin = checked.find((c) => c.works && c.user.role === 'admin' && c.user.email === DEMO_ADMIN_EMAIL);
  return {
    admin: admin ? admin.user.email : null,
    staff: checked.filter((c) => c.works && c.user.role === 'staff').map((c) => c.user.email),
    password: DEMO_PASSWORD,
  };
}

/** A sign-in given a new password: shown once on the operator's console, never stored in clear. */
export interface NewSignIn {
  readonly email: string;
  readonly role: 'admin' | 'staff';
  readonly password: string;
}

/**
 * For a demo that is not local: every account that still signs in with the public demo password
 * gets a new random one (its sessions end, as with any password change). The new passwords, in
 * the order of the accounts, for the banner.
 */
export async function replaceDemoPasswords(
  deps: { store: Pick<Store, 'listUsers' | 'getUser' | 'setPassword'>; clock: Clock },
  hasher: PasswordHasher,
): Promise<NewSignIn[]> {
  const replaced: NewSignIn[] = [];
  // Only the demo's own accounts: checking every user's password would cost a real business an
  // argon2 verification per account at every start.
  const demoAccounts = (await deps.store.listUsers()).filter((u) =>
    u.email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`),
  );
  for (const user of demoAccounts) {
    const found = await deps.store.getUser(user.id);
    if (!found?.passwordHash || !(await hasher.verify(found.passwordHash, DEMO_PASSWORD))) continue;
    const password = randomBytes(12).toString('base64url');
    await deps.store.setPassword(user.id, await hasher.hash(password), deps.clock.now());
    replaced.push({ email: user.email, role: user.role, password });
  }
  return replaced;
}
