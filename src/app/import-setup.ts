/**
 * `slotwise import`: validates a set-up file and applies it in one transaction (all or nothing).
 * Problems are listed with their path in the file (`services[0].durationMinuts: unknown field`).
 * Calendar URLs meet the outbound URL rule here as in the admin API (URL_NOT_ALLOWED, API.md).
 */
import { outboundUrlRefusal } from './outbound-url.ts';
import type { OutboundPolicy, SetupResult, Store } from './ports.ts';
import { invalid, ok, type Result } from './result.ts';
import { parseSetup, type Setup } from './setup-schema.ts';

export interface ImportDeps {
  readonly store: Pick<Store, 'applySetup'>;
  readonly hashPassword: (password: string) => Promise<string>;
  /**
   * Where calendar URLs may point (ALLOW_PRIVATE_URLS, and how names resolve). Absent: private
   * addresses refused and names not resolved (a literal address is still judged; the fetch judges
   * the rest on every connection).
   */
  readonly outbound?: OutboundPolicy;
}

const UNRESOLVED: OutboundPolicy = { allowPrivate: false, resolve: async () => [] };

/** The first calendar URL of the file the outbound rule refuses, as the refusal naming its path. */
async function calendarRefusal(setup: Setup, policy: OutboundPolicy) {
  for (const [i, m] of (setup.staff ?? []).entries()) {
    for (const [j, c] of (m.calendars ?? []).entries()) {
      const refused = await outboundUrlRefusal(c.url, policy, `staff[${i}].calendars[${j}].url`);
      if (refused) return refused;
    }
  }
  return null;
}

/** Thrown by a store when a key in the file names nothing (e.g. an unknown service key). */
export interface SetupReference {
  readonly path: string;
  readonly message: string;
}

export async function importSetup(deps: ImportDeps, value: unknown): Promise<Result<SetupResult>> {
  const parsed = parseSetup(value);
  if (!parsed.ok) {
    return invalid(
      'The set-up file has problems.',
      Object.fromEntries(parsed.problems.map((p) => [p.path, p.message])),
    );
  }
  const refused = await calendarRefusal(parsed.setup, deps.outbound ?? UNRESOLVED);
  if (refused) return refused;
  try {
    return ok(await deps.store.applySetup(parsed.setup, deps.hashPassword));
  } catch (error) {
    if (isSetupReference(error)) return invalid('The set-up file has problems.', { [error.path]: error.message });
    throw error;
  }
}

function isSetupReference(error: unknown): error is SetupReference {
  return error instanceof Error && error.name === 'SetupReferenceError' && 'path' in error;
}
