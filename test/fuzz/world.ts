/**
 * The world a fuzz file runs in: a real in-memory PGlite with the seeded studio (seed.ts), the
 * app built with every optional part mounted (dev outbox, demo gateway, month-view cache), the
 * harness, and the callers' credentials — API keys for an admin, Ana and Ben, sessions for an
 * admin and Ana — kept usable when the fuzzer signs them out, revokes them or deactivates Ana.
 */
import { authenticateApiKey, authenticateSession } from '../../src/app/dashboard/accounts/authenticate.ts';
import { createApiKey } from '../../src/app/dashboard/accounts/create-api-key.ts';
import { startSession } from '../../src/app/dashboard/accounts/start-session.ts';
import { ViewCache } from '../../src/app/view-cache.ts';
import { argon2Hasher } from '../../src/auth/argon2-hasher.ts';
import { createApp } from '../../src/http/app.ts';
import { createDevMailbox } from '../../src/store/dev-mailbox.ts';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import type { TestDatabase } from '../support/db.ts';
import { PUBLIC_URL, SECRET } from '../support/lifecycle.ts';
import { testOutbound } from '../support/outbound.ts';
import { type Caller, type Credential, Harness } from './harness.ts';
import { adminCall, FUZZ_STUDIO, PAYMENT_SECRET, type Pools, seed } from './seed.ts';

export interface World {
  readonly d: Dashboard;
  readonly h: Harness;
  readonly pools: Pools;
  readonly errors: unknown[];
  /**
   * Puts the settings, Portrait, Consultation, Ana and Ben back as seeded, through the admin API,
   * so that a long run keeps reaching bookings and moves after the fuzzer has edited them away.
   */
  restore(): Promise<void>;
}

export async function startWorld(tdb: TestDatabase): Promise<World> {
  const d = await startDashboard(tdb, FUZZ_STUDIO);
  // The worker's log and the app's logError both land here; any entry fails the request that caused it.
  const errors = d.errors;
  const app = createApp({
    outbound: testOutbound(),
    store: tdb.store,
    clock: d.clock,
    secret: SECRET,
    publicUrl: PUBLIC_URL,
    monthViews: new ViewCache(),
    devMailbox: createDevMailbox(tdb.db),
    demoGateway: true,
    jobsQueued: () => {},
    logError: (error) => errors.push(error),
    // The embedded database's backups, as a server on one has them (GET /api/v1/admin/backup).
    ...(tdb.db.snapshot ? { backups: { snapshot: tdb.db.snapshot } } : {}),
  });
  const staff = await tdb.store.listStaff();
  const idOf = (key: string) => staff.find((s) => s.key === key)?.id as string;
  const [ana, ben, cara] = [idOf('ana'), idOf('ben'), idOf('cara')];

  const credentials: Partial<Record<Caller, Credential>> = {
    'admin-key': { kind: 'key', token: d.keys.admin, csrf: '' },
    'ana-key': { kind: 'key', token: d.keys.ana, csrf: '' },
    'ben-key': { kind: 'key', token: d.keys.ben, csrf: '' },
  };
  const deps = { store: tdb.store, clock: d.clock, secret: SECRET };
  const users = {
    admin: await tdb.store.createUser(
      {
        email: 'admin@studio.test',
        name: 'Olga Admin',
        role: 'admin',
        staffId: null,
        passwordHash: await argon2Hasher.hash('correct horse battery'),
      },
      d.clock.now(),
    ),
    ana: await tdb.store.createUser(
      {
        email: 'ana@studio.test',
        name: 'Ana',
        role: 'staff',
        staffId: ana,
        passwordHash: await argon2Hasher.hash('correct horse battery'),
      },
      d.clock.now(),
    ),
  };
  const newSession = async (who: 'admin' | 'ana') => {
    const user = users[who];
    if (!user) throw new Error(`no account for ${who}`);
    const s = await startSession(deps, user, 'fuzz');
    return { kind: 'session' as const, token: s.token, csrf: s.csrf };
  };
  credentials['admin-session'] = await newSession('admin');
  credentials['ana-session'] = await newSession('ana');

  // The fuzzer signs sessions out, revokes keys and deactivates staff: the harness keeps its callers usable.
  let reviving = false;
  const revive = async () => {
    if (reviving) return;
    reviving = true;
    try {
      const admin = credentials['admin-key'] as Credential;
      if (!(await authenticateApiKey(deps, admin.token))) admin.token = await makeKey(tdb, d, 'admin', null);
      for (const [who, staffId] of [
        ['ana', ana],
        ['ben', ben],
      ] as const) {
        const [row] = await tdb.db.query('SELECT active FROM staff WHERE id = $1', [staffId]);
        if (row && row.active === false) {
          await h.send(
            adminCall('PATCH', `/api/v1/admin/staff/${staffId}`, 'PATCH /api/v1/admin/staff/:id', { active: true }),
          );
        }
        const key = credentials[`${who}-key`] as Credential;
        if (!(await authenticateApiKey(deps, key.token))) key.token = await makeKey(tdb, d, 'staff', staffId);
      }

      for (const who of ['admin', 'ana'] as const) {
        const cred = credentials[`${who}-session`] as Credential;
        if (!(await authenticateSession(deps, cred.token))) Object.assign(cred, await newSession(who));
      }
    } finally {
      reviving = false;
    }
  };
  let known: Pools | null = null;
  const learn = (b: { id: string; reference: string; token?: string }) => {
    if (!known) return; // seeding lists its own bookings
    known.bookingIds.push(b.id);
    known.references.push(b.reference);
    if (b.token) known.tokens.push(b.token);
  };
  const h = new Harness({ app, db: tdb.db, errors, credentials, paymentSecret: PAYMENT_SECRET, revive, learn });
  const pools = await seed(d, h, tdb, { ana, ben, cara });
  known = pools;
  const restore = async () => {
    const patch = (method: string, url: string, route: string, value: unknown) =>
      h.send(adminCall(method, url, route, value));
    const { business } = FUZZ_STUDIO;
    await patch('PATCH', '/api/v1/admin/settings', 'PATCH /api/v1/admin/settings', {
      timezone: business?.timezone,
      slotStepMinutes: business?.slotStepMinutes,
      gapMinutes: business?.gapMinutes,
      horizonDays: business?.horizonDays,
      minNoticeMinutes: 0,
      holdMinutes: 15,
      cancelNoticeHours: 0,
      rescheduleNoticeHours: 0,
      defaultRescheduleLimit: 3,
      allowStaffChangeOnReschedule: true,
      paymentUrl: business?.paymentUrl,
      paymentSecret: PAYMENT_SECRET,
    });
    for (const service of FUZZ_STUDIO.services?.slice(0, 2) ?? []) {
      const id = pools.serviceIds[pools.slugs.indexOf(service.key)];
      await patch('PATCH', `/api/v1/admin/services/${id}`, 'PATCH /api/v1/admin/services/:id', {
        slug: service.key,
        name: service.name,
        durationMinutes: service.durationMinutes,
        price: service.price,
        deposit: service.deposit ?? '0',
        bufferBeforeMinutes: service.bufferBeforeMinutes ?? 0,
        bufferAfterMinutes: service.bufferAfterMinutes ?? 0,
        allowRescheduling: true,
        rescheduleLimit: null,
        active: true,
      });
    }
    for (const member of FUZZ_STUDIO.staff?.slice(0, 2) ?? []) {
      const id = member.key === 'ana' ? ana : ben;
      await patch('PATCH', `/api/v1/admin/staff/${id}`, 'PATCH /api/v1/admin/staff/:id', {
        active: true,
        timezone: member.timezone ?? null,
        services: member.services?.map((key) => pools.serviceIds[pools.slugs.indexOf(key)]),
        slotStepMinutes: null,
        gapMinutes: null,
        minNoticeMinutes: null,
      });
      await patch('PUT', `/api/v1/admin/staff/${id}/hours`, 'PUT /api/v1/admin/staff/:id/hours', {
        hours: member.hours,
      });
    }
  };
  return { d, h, pools, errors, restore };
}

async function makeKey(
  tdb: TestDatabase,
  d: Dashboard,
  role: 'admin' | 'staff',
  staffId: string | null,
): Promise<string> {
  const r = await createApiKey({ store: tdb.store, clock: d.clock }, d.actors.admin, {
    role,
    staffId,
    label: 'fuzz harness',
  });
  if (!r.ok) throw new Error(r.message);
  return r.value.key;
}
