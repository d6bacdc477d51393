/**
 * The dashboard under test: the lifecycle harness (real PGlite, worker, memory mailer, hand-set
 * clock) plus three API keys — an admin's, and staff keys of Ana and Ben from the test studio —
 * so every endpoint can be called as {anonymous, staff on own object, staff on another's, admin}.
 */

import { createApiKey } from '../../src/app/dashboard/accounts/create-api-key.ts';
import type { Actor } from '../../src/app/dashboard/actor.ts';
import type { Setup } from '../../src/app/setup-schema.ts';
import type { AppDeps } from '../../src/http/app.ts';
import type { TestDatabase } from './db.ts';
import { type Body, type Lifecycle, startLifecycle } from './lifecycle.ts';
import { STUDIO } from './studio.ts';

export type Caller = 'anonymous' | 'admin' | 'ana' | 'ben';

export interface Dashboard extends Lifecycle {
  readonly staffIds: { readonly ana: string; readonly ben: string };
  readonly keys: { readonly admin: string; readonly ana: string; readonly ben: string };
  readonly actors: { readonly admin: Actor; readonly ana: Actor; readonly ben: Actor };
  /** Calls an /api/v1/admin path (or any path starting with /) as one caller. */
  as(
    who: Caller,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Body; headers: Headers }>;
}

export async function startDashboard(
  tdb: TestDatabase,
  setup: Setup = STUDIO,
  now?: string,
  appDeps: Partial<AppDeps> = {},
): Promise<Dashboard> {
  const life = await startLifecycle(tdb, setup, now, appDeps);
  const staff = await tdb.store.listStaff();
  const idOf = (key: string) => {
    const m = staff.find((s) => s.key === key);
    if (!m) throw new Error(`the set-up has no staff member "${key}"`);
    return m.id;
  };
  const staffIds = { ana: idOf('ana'), ben: idOf('ben') };
  const actors = {
    admin: { role: 'admin', userId: null, keyId: null } as const,
    ana: { role: 'staff', staffId: staffIds.ana, userId: null, keyId: null } as const,
    ben: { role: 'staff', staffId: staffIds.ben, userId: null, keyId: null } as const,
  };
  const deps = { store: tdb.store, clock: life.clock };
  const keyOf = async (actor: Actor) => {
    const r = await createApiKey(deps, actors.admin, {
      role: actor.role,
      staffId: actor.role === 'staff' ? actor.staffId : null,
      label: 'test',
    });
    if (!r.ok) throw new Error(r.message);
    return r.value.key;
  };
  const keys = { admin: await keyOf(actors.admin), ana: await keyOf(actors.ana), ben: await keyOf(actors.ben) };
  const as: Dashboard['as'] = (who, method, path, body) => {
    const headers: Record<string, string> = {};
    if (who !== 'anonymous') headers.authorization = `Bearer ${keys[who]}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const url = path.startsWith('/') ? path : `/api/v1/admin/${path}`;
    return life.call(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  };
  return { ...life, staffIds, keys, actors, as };
}
