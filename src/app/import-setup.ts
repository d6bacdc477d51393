/**
 * `slotwise import`: validates a set-up file and applies it in one transaction (all or nothing).
 * Problems are listed with their path in the file (`services[0].durationMinuts: unknown field`).
 */
import type { SetupResult, Store } from './ports.ts';
import { invalid, ok, type Result } from './result.ts';
import { parseSetup } from './setup-schema.ts';

export interface ImportDeps {
  readonly store: Pick<Store, 'applySetup'>;
  readonly hashPassword: (password: string) => Promise<string>;
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
