/**
 * No double booking, ever (SPEC §6): concurrent requests through the real HTTP server on
 * 127.0.0.1 against the embedded database. The database's exclusion constraint decides.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSetup } from '../src/app/import-setup.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime, type Served, startServer } from '../src/main.ts';
import { testClock } from './support/clock.ts';
import { STUDIO, STUDIO_NOW } from './support/studio.ts';
import { seedDataDir } from './support/templates.ts';

let dir: string;
let rt: Runtime;
let served: Served;
const errors: string[] = [];

beforeAll(async () => {
  dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-race-')));
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_IP: '0' });
  if (!config.ok) throw new Error(config.problems.join('; '));
  rt = await openRuntime(config.config);
  const imported = await importSetup({ store: rt.store, hashPassword: (p) => hash(p) }, STUDIO);
  if (!imported.ok) throw new Error(JSON.stringify(imported));
  served = await startServer(rt, { demo: false, log: (l) => errors.push(l), clock: testClock(STUDIO_NOW) });
});

afterAll(async () => {
  await served?.close();
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

function book(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${served.url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment: 'none', wantsReminder: false, ...body }),
  });
}

async function countRows(where: string): Promise<number> {
  const [row] = await rt.database.db.query(`SELECT count(*)::int AS n FROM bookings WHERE ${where}`);
  return Number(row?.n);
}

describe('concurrent bookings through the HTTP server', () => {
  it('20 requests for one staff member and time: exactly one 201, nineteen 409 SLOT_UNAVAILABLE, one row', async () => {
    const start = '2027-03-29T10:00:00+02:00';
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        book({ service: 'portrait', staff: '1', start, client: { name: `Client ${i}`, email: `c${i}@race.test` } }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    for (const b of bodies.filter((_, i) => responses[i]?.status === 409)) {
      expect(b).toMatchObject({ error: { code: 'SLOT_UNAVAILABLE' } });
    }
    expect(await countRows(`start_at = '2027-03-29T08:00:00Z'`)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('overlapping, not identical, times race too: the winners never overlap (09:30 alone, or 09:00 and 10:00)', async () => {
    const starts = ['2027-03-30T09:00:00+02:00', '2027-03-30T09:30:00+02:00', '2027-03-30T10:00:00+02:00'];
    const responses = await Promise.all(
      Array.from({ length: 18 }, (_, i) =>
        book({
          service: 'portrait',
          staff: '1',
          start: starts[i % 3],
          client: { name: `Overlap ${i}`, email: `o${i}@race.test` },
        }),
      ),
    );
    const created = responses.filter((r) => r.status === 201).length;
    const rows = await rt.database.db.query<{ s: Date }>(
      `SELECT start_at AS s FROM bookings WHERE staff_id = 1 AND start_at::date = '2027-03-30' ORDER BY 1`,
    );
    const won = rows.map((r) => r.s.toISOString());
    // 60-minute service: 09:00 and 10:00 can both stand; 09:30 overlaps each of them.
    expect([['2027-03-30T07:30:00.000Z'], ['2027-03-30T07:00:00.000Z', '2027-03-30T08:00:00.000Z']]).toContainEqual(
      won,
    );
    expect(won.length).toBe(created);
    expect(errors).toEqual([]);
  });

  it('"any staff" races fill each member once: two members can take 16:00 Paris, so exactly two 201s', async () => {
    // Ana (Paris) works until 17:00; Ben (New York, 10:00-18:00) starts at 16:00 Paris time.
    const start = '2027-03-31T16:00:00+02:00';
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        book({ service: 'portrait', staff: 'any', start, client: { name: `Any ${i}`, email: `a${i}@race.test` } }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, ...Array(18).fill(409)]);
    const rows = await rt.database.db.query<{ staff_id: unknown }>(
      `SELECT staff_id FROM bookings WHERE start_at = '2027-03-31T14:00:00Z' ORDER BY staff_id`,
    );
    expect(rows.map((r) => String(r.staff_id))).toEqual(['1', '2']);
    expect(errors).toEqual([]);
  });
});

describe('the manage link through the HTTP server', () => {
  it('cancels with a bare POST (no body, no content type, as `curl -X POST` sends it)', async () => {
    const created = await book({
      service: 'portrait',
      staff: '1',
      start: '2027-04-01T10:00:00+02:00',
      client: { name: 'Bare', email: 'bare@race.test' },
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const res = await fetch(`${served.url}/api/v1/manage/${token}/cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('cancelled');
    expect(errors).toEqual([]);
  });
});
