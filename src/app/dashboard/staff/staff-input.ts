/** What creating and updating a staff member share: their fields, and the services checked. */
import type { Store } from '../../ports.ts';
import { invalid, ok, type Result } from '../../result.ts';

export interface StaffInput {
  /** How the set-up file and `create-api-key --staff KEY` name the member; null = none. */
  readonly key?: string | null;
  readonly name?: string;
  readonly email?: string;
  /** null = the business zone. */
  readonly timezone?: string | null;
  /** Ids of the services the member offers (replaces the list). */
  readonly services?: readonly string[];
  /** Overrides of the business settings; null = the business value. */
  readonly slotStepMinutes?: number | null;
  readonly gapMinutes?: number | null;
  readonly minNoticeMinutes?: number | null;
  readonly active?: boolean;
  /** A few words shown on the public pages ('' = none). */
  readonly bio?: string;
}

/** The fields a staff member may change on their own record: their profile. */
export const PROFILE_FIELDS = ['name', 'email', 'timezone', 'bio'] as const;

/** The distinct service ids, each naming a service that exists, or the refusal naming the others. */
export async function checkServiceIds(
  store: Pick<Store, 'listServices'>,
  ids: readonly string[] | undefined,
): Promise<Result<string[] | undefined>> {
  if (ids === undefined) return ok(undefined);
  const known = new Set((await store.listServices()).map((s) => s.id));
  const fields = Object.fromEntries(
    ids.flatMap((id, i) => (known.has(id) ? [] : [[`services[${i}]`, `no service ${id}`]])),
  );
  if (Object.keys(fields).length > 0) return invalid(`Invalid ${Object.keys(fields).join(', ')}.`, fields);
  return ok([...new Set(ids)]);
}
