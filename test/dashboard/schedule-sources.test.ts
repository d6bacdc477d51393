/**
 * Date-specific hours, blocks, resources and services' resources through the dashboard API (SPEC
 * §8.1, §8.2, §8.4; API.md Part two): what each endpoint answers, that the public availability
 * follows at once, and that bad input — overlapping ranges on one date, a block whose end is not
 * after its start, a date outside 1900–2999, an unknown resource — is a 400 naming the field and
 * writes nothing.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';

let tdb: TestDatabase;
let d: Dashboard;

beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
beforeEach(async () => {
  d = await startDashboard(tdb);
});
afterEach(() => expect(d.errors).toEqual([]));

const ana = () => `staff/${d.staffIds.ana}`;

async function anaStarts(date: string, service = 'portrait'): Promise<string[]> {
  const r = await d.call(`/availability/day?service=${service}&staff=${d.staffIds.ana}&date=${date}&tz=UTC`);
  return r.body.slots.map((s: { start: string }) => s.start);
}

describe('date-specific hours', () => {
  it('one date gets its own hours, then its weekly hours back; the public calendar follows', async () => {
    const put = await d.as('ana', 'PUT', `${ana()}/date-hours/2027-03-29`, { hours: [['10:00', '11:30']] });
    expect([put.status, put.body]).toEqual([200, { date: '2027-03-29', hours: [['10:00', '11:30']] }]);
    expect(await anaStarts('2027-03-29')).toEqual(['2027-03-29T08:00:00+00:00', '2027-03-29T08:30:00+00:00']);
    await d.as('ana', 'PUT', `${ana()}/date-hours/2027-04-03`, { hours: [] }); // a Saturday, not worked anyway
    expect((await d.as('ana', 'GET', `${ana()}/date-hours`)).body).toEqual({
      dateHours: { '2027-03-29': [['10:00', '11:30']], '2027-04-03': [] },
    });
    const gone = await d.as('ana', 'DELETE', `${ana()}/date-hours/2027-03-29`);
    expect(gone.body).toEqual({ date: '2027-03-29', hours: null });
    expect(await anaStarts('2027-03-29')).toHaveLength(12); // 09–12 and 13–17 again: 5 + 7 starts
  });

  it('PUT replaces them all', async () => {
    await d.as('ana', 'PUT', `${ana()}/date-hours/2027-03-29`, { hours: [] });
    const r = await d.as('admin', 'PUT', `${ana()}/date-hours`, {
      dateHours: {
        '2027-06-14': [
          ['13:00', '14:00'],
          ['10:00', '12:00'],
        ],
        '2027-06-15': [],
      },
    });
    expect(r.body).toEqual({
      dateHours: {
        '2027-06-14': [
          ['10:00', '12:00'],
          ['13:00', '14:00'],
        ],
        '2027-06-15': [],
      },
    });
    expect((await d.as('ana', 'GET', `${ana()}/date-hours`)).body).toEqual(r.body);
  });

  it.each([
    [
      'overlapping ranges on one date',
      'PUT',
      'date-hours',
      {
        dateHours: {
          '2027-06-14': [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      { 'dateHours.2027-06-14': 'ranges overlap' },
    ],
    [
      'a range ending before it starts',
      'PUT',
      'date-hours/2027-06-14',
      { hours: [['12:00', '09:00']] },
      { 'hours[0]': 'the start must be before the end' },
    ],
    [
      'overlapping ranges for one date',
      'PUT',
      'date-hours/2027-06-14',
      {
        hours: [
          ['09:00', '12:00'],
          ['11:00', '13:00'],
        ],
      },
      { hours: 'ranges overlap' },
    ],
    [
      'a date after 2999',
      'PUT',
      'date-hours',
      { dateHours: { '3000-01-01': [] } },
      { 'dateHours.3000-01-01': 'a real date YYYY-MM-DD between 1900 and 2999' },
    ],
    [
      'a date before 1900 in the path',
      'PUT',
      'date-hours/1899-12-31',
      { hours: [] },
      { date: 'a real date YYYY-MM-DD between 1900 and 2999' },
    ],
    [
      'a date that does not exist',
      'PUT',
      'date-hours/2027-02-30',
      { hours: [] },
      { date: 'a real date YYYY-MM-DD between 1900 and 2999' },
    ],
    [
      'a time that is not HH:MM',
      'PUT',
      'date-hours/2027-06-14',
      { hours: [['9am', '12:00']] },
      { 'hours[0][0]': 'a time HH:MM between 00:00 and 24:00' },
    ],
  ])('%s → 400 naming the field, nothing written', async (_, method, path, body, fields) => {
    const r = await d.as('ana', method, `${ana()}/${path}`, body);
    expect([r.status, r.body.error.code, r.body.error.details.fields]).toEqual([400, 'VALIDATION_FAILED', fields]);
    expect((await d.as('ana', 'GET', `${ana()}/date-hours`)).body).toEqual({ dateHours: {} });
  });
});

describe('blocks', () => {
  it('add, read, change, remove; a block takes its time away from the public calendar', async () => {
    const made = await d.as('ana', 'POST', `${ana()}/blocks`, {
      from: '2027-03-29T10:00',
      to: '2027-03-29T11:00',
      note: 'Dentist',
    });
    expect([made.status, made.body]).toEqual([
      201,
      {
        id: expect.any(String),
        staff: d.staffIds.ana,
        from: '2027-03-29T10:00',
        to: '2027-03-29T11:00',
        note: 'Dentist',
      },
    ]);
    expect(await anaStarts('2027-03-29')).not.toContain('2027-03-29T08:00:00+00:00');
    const path = `${ana()}/blocks/${made.body.id}`;
    expect((await d.as('ana', 'GET', path)).body).toEqual(made.body);
    expect((await d.as('ana', 'GET', `${ana()}/blocks`)).body).toEqual({ blocks: [made.body] });
    const moved = await d.as('ana', 'PATCH', path, { from: '2027-03-29T14:00', to: '2027-03-29T15:00' });
    expect(moved.body).toMatchObject({ from: '2027-03-29T14:00', to: '2027-03-29T15:00', note: 'Dentist' });
    expect(await anaStarts('2027-03-29')).toContain('2027-03-29T08:00:00+00:00');
    expect((await d.as('ana', 'DELETE', path)).body).toEqual(moved.body);
    expect((await d.as('ana', 'GET', path)).status).toBe(404);
  });

  it.each([
    ['an end before its start', { from: '2027-06-16T15:30', to: '2027-06-16T13:00' }, { to: 'must be after "from"' }],
    ['an end equal to its start', { from: '2027-06-16T13:00', to: '2027-06-16T13:00' }, { to: 'must be after "from"' }],
    [
      'a date-time with seconds',
      { from: '2027-06-16T13:00:00', to: '2027-06-16T15:00' },
      { from: 'a local date-time YYYY-MM-DDTHH:MM, 1900–2999' },
    ],
    [
      'an offset',
      { from: '2027-06-16T13:00+02:00', to: '2027-06-16T15:00' },
      { from: 'a local date-time YYYY-MM-DDTHH:MM, 1900–2999' },
    ],
    [
      'a year after 2999',
      { from: '2027-06-16T13:00', to: '3000-01-01T00:00' },
      { to: 'a local date-time YYYY-MM-DDTHH:MM, 1900–2999' },
    ],
    [
      'a date that does not exist',
      { from: '2027-02-29T13:00', to: '2027-03-01T00:00' },
      { from: 'a local date-time YYYY-MM-DDTHH:MM, 1900–2999' },
    ],
  ])('%s → 400 naming the field, nothing written', async (_, body, fields) => {
    const r = await d.as('ana', 'POST', `${ana()}/blocks`, body);
    expect([r.status, r.body.error.code, r.body.error.details.fields]).toEqual([400, 'VALIDATION_FAILED', fields]);
    expect((await d.as('ana', 'GET', `${ana()}/blocks`)).body).toEqual({ blocks: [] });
  });

  it('a change that would end the block before it starts is refused against the stored bound', async () => {
    const made = await d.as('ana', 'POST', `${ana()}/blocks`, { from: '2027-03-29T10:00', to: '2027-03-29T11:00' });
    const r = await d.as('ana', 'PATCH', `${ana()}/blocks/${made.body.id}`, { to: '2027-03-29T09:00' });
    expect([r.status, r.body.error.details.fields]).toEqual([400, { to: 'must be after "from"' }]);
    expect((await d.as('ana', 'GET', `${ana()}/blocks/${made.body.id}`)).body).toEqual(made.body);
  });
});

describe('resources and the services that require them', () => {
  it('an admin adds a room, a service requires it, and two members can no longer use it at once', async () => {
    const room = await d.as('admin', 'POST', 'resources', { key: 'room', name: 'Studio room' });
    expect([room.status, room.body]).toEqual([201, { id: expect.any(String), key: 'room', name: 'Studio room' }]);
    const svc = await d.as('admin', 'PATCH', 'services/portrait', { resources: [room.body.id] });
    expect(svc.body.resources).toEqual([room.body]);
    // Ben (New York) books Monday 10:00 there = 14:00Z = Ana's 16:00 in Paris.
    const booked = await d.post('/bookings', {
      service: 'portrait',
      staff: d.staffIds.ben,
      start: '2027-03-29T10:00:00-04:00',
      client: { name: 'Ada', email: 'ada@example.com' },
      payment: 'none',
    });
    expect(booked.status).toBe(201);
    expect(await anaStarts('2027-03-29')).not.toContain('2027-03-29T14:00:00+00:00');
    expect(await anaStarts('2027-03-29', 'consult')).toContain('2027-03-29T14:00:00+00:00');
    const renamed = await d.as('admin', 'PATCH', `resources/${room.body.id}`, { name: 'Room A' });
    expect(renamed.body).toEqual({ ...room.body, name: 'Room A' });
    expect((await d.as('admin', 'GET', 'resources')).body).toEqual({ resources: [renamed.body] });
    expect((await d.as('admin', 'DELETE', `resources/${room.body.id}`)).body).toEqual(renamed.body);
    expect((await d.as('admin', 'GET', 'services/portrait')).body.resources).toEqual([]);
    expect(await anaStarts('2027-03-29')).toContain('2027-03-29T14:00:00+00:00');
  });

  it('an unknown resource → 400 naming it; a taken key → 400 naming key; nothing written', async () => {
    const r = await d.as('admin', 'PATCH', 'services/portrait', { resources: ['987654'] });
    expect([r.status, r.body.error.details.fields]).toEqual([400, { 'resources[0]': 'no resource 987654' }]);
    expect((await d.as('admin', 'GET', 'services/portrait')).body.resources).toEqual([]);
    await d.as('admin', 'POST', 'resources', { key: 'room', name: 'Studio room' });
    const taken = await d.as('admin', 'POST', 'resources', { key: 'room', name: 'Other' });
    expect([taken.status, taken.body.error.details.fields]).toEqual([
      400,
      { key: '"room" is already used by another resource' },
    ]);
    const bad = await d.as('admin', 'POST', 'resources', { key: 'a room', name: '' });
    expect([bad.status, Object.keys(bad.body.error.details.fields).sort()]).toEqual([400, ['key', 'name']]);
    expect((await d.as('admin', 'GET', 'resources')).body.resources).toHaveLength(1);
  });
});
