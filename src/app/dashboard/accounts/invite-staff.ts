/**
 * Inviting a staff member to the dashboard (admins only): their account is made with their staff
 * email and no password, and an email.account job sends the link to choose one. Inviting again a
 * member who has not chosen a password yet sends a new link; one who has is told to reset it.
 */
import { inTransaction } from '../../in-transaction.ts';
import type { Clock, Store } from '../../ports.ts';
import { invalid, ok, type Result, refuse } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import type { User } from './account-store.ts';

export async function inviteStaff(
  deps: {
    store: Pick<Store, 'createUser' | 'enqueueJobs' | 'findUserByStaff' | 'listStaff' | 'transaction'>;
    clock: Clock;
  },
  actor: Actor,
  staffId: string,
): Promise<Result<{ user: User; created: boolean }>> {
  // Refused before the lookup, so a staff caller learns nothing about which ids exist.
  const forbidden = adminOnly(actor, 'invite staff members to the dashboard');
  if (forbidden) return forbidden;
  const member = (await deps.store.listStaff()).find((s) => s.id === staffId);
  if (!member) return refuse('NOT_FOUND', `No staff member ${staffId}.`);
  return inTransaction(deps.store, async (tx) => {
    const now = deps.clock.now();
    let user = await tx.findUserByStaff(member.id);
    const created = user === null;
    if (user?.hasPassword) {
      return invalid(
        `${member.name} already has a dashboard account; they can reset their password from the sign-in page.`,
        {
          staff: 'already has an account with a password',
        },
      );
    }
    user ??= await tx.createUser(
      { email: member.email, name: member.name, role: 'staff', staffId: member.id, passwordHash: null },
      now,
    );
    if (!user) {
      return invalid(
        `Another account already signs in with ${member.email}; give ${member.name} another email first.`,
        {
          email: 'already used by another account',
        },
      );
    }
    await tx.enqueueJobs([{ kind: 'email.account', payload: { userId: user.id, purpose: 'invite' } }], now);
    return ok({ user, created });
  });
}
