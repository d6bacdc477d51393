/**
 * Who is calling the dashboard, and the two rules every dashboard use case applies (SPEC §5,
 * API.md "Dashboard API"): an admin may do everything; a staff member sees and changes only their
 * own records. Another member's record answers NOT_FOUND (they must not learn it exists); a kind
 * of resource staff may not touch at all answers FORBIDDEN. The checks live here, in the use-case
 * layer, so the JSON API, the pages and any later caller get the same answer.
 */
import { type Refusal, refuse } from '../result.ts';

export type Actor =
  | { readonly role: 'admin'; readonly userId: string | null; readonly keyId: string | null }
  | { readonly role: 'staff'; readonly staffId: string; readonly userId: string | null; readonly keyId: string | null };

/** FORBIDDEN unless the actor is an admin (settings, webhooks, services changes, other staff). */
export function adminOnly(actor: Actor, what: string): Refusal | null {
  return actor.role === 'admin' ? null : refuse('FORBIDDEN', `Only an admin can ${what}.`);
}

/** Whether the actor may see and change this staff member's records. */
export function ownsStaff(actor: Actor, staffId: string): boolean {
  return actor.role === 'admin' || actor.staffId === staffId;
}

/** NOT_FOUND for another member's record (same answer as an unknown id), else null. */
export function notOwned(actor: Actor, staffId: string, what: string, id: string): Refusal | null {
  return ownsStaff(actor, staffId) ? null : refuse('NOT_FOUND', `No ${what} ${id}.`);
}

/** The staff member a staff actor is limited to; null for an admin (all members). */
export function staffScope(actor: Actor): string | null {
  return actor.role === 'admin' ? null : actor.staffId;
}
