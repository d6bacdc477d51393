import { describe, expect, it } from 'vitest';
import { problemFields } from './problems.ts';
import {
  checkSeats,
  occupiesAt,
  type SeatBooking,
  seatSettingsProblems,
  seatsLeft,
  seatsProblems,
  seatsTaken,
} from './seats.ts';

const NOW = Date.parse('2027-03-29T10:00:00Z');

describe('occupiesAt: which bookings keep their seats (SPEC §1 statuses)', () => {
  it.each([
    { status: 'confirmed', holdUntil: null, expected: true },
    { status: 'pending_verification', holdUntil: NOW + 1, expected: true },
    { status: 'awaiting_payment', holdUntil: NOW + 60_000, expected: true },
    { status: 'pending_verification', holdUntil: NOW, expected: false },
    { status: 'awaiting_payment', holdUntil: NOW - 1, expected: false },
    { status: 'cancelled', holdUntil: null, expected: false },
    { status: 'expired', holdUntil: null, expected: false },
  ])('$status, hold until now + $holdUntil → $expected', ({ status, holdUntil, expected }) => {
    expect(occupiesAt({ status, holdUntil }, NOW)).toBe(expected);
  });
});

describe('seatsTaken / seatsLeft: a session of capacity 10', () => {
  const b = (seats: number, status: string, holdUntil: number | null = null): SeatBooking => ({
    seats,
    status,
    holdUntil,
  });

  it.each([
    { name: 'no booking', list: [], taken: 0, left: 10 },
    {
      name: 'three confirmed bookings of 1, 2 and 3 seats',
      list: [b(1, 'confirmed'), b(2, 'confirmed'), b(3, 'confirmed')],
      taken: 6,
      left: 4,
    },
    {
      name: 'a live hold counts, a lapsed one does not',
      list: [b(4, 'awaiting_payment', NOW + 1), b(5, 'awaiting_payment', NOW)],
      taken: 4,
      left: 6,
    },
    {
      name: 'cancelled and expired free their seats',
      list: [b(3, 'cancelled'), b(3, 'expired'), b(2, 'confirmed')],
      taken: 2,
      left: 8,
    },
    { name: 'exactly full', list: [b(10, 'confirmed')], taken: 10, left: 0 },
    {
      name: 'over capacity after it was lowered: 0 left, never negative',
      list: [b(12, 'confirmed')],
      taken: 12,
      left: 0,
    },
  ])('$name → taken $taken, left $left', ({ list, taken, left }) => {
    expect(seatsTaken(list, NOW)).toBe(taken);
    expect(seatsLeft(10, list, NOW)).toBe(left);
  });
});

describe('seatsProblems: `seats` 1..maxSeatsPerBooking, more than 1 only on capacity services (API.md pinned)', () => {
  const workshop = { capacity: 8, maxSeatsPerBooking: 4 };
  const portrait = { capacity: 1, maxSeatsPerBooking: 1 };

  it.each([
    { seats: undefined, service: workshop, expected: {} },
    { seats: 1, service: workshop, expected: {} },
    { seats: 4, service: workshop, expected: {} },
    { seats: 5, service: workshop, expected: { seats: 'at most 4 per booking' } },
    { seats: 0, service: workshop, expected: { seats: 'at least 1' } },
    { seats: -2, service: workshop, expected: { seats: 'at least 1' } },
    { seats: 1.5, service: workshop, expected: { seats: 'a whole number' } },
    { seats: '2', service: workshop, expected: { seats: 'a whole number' } },
    { seats: null, service: workshop, expected: { seats: 'a whole number' } },
    { seats: Number.NaN, service: workshop, expected: { seats: 'a whole number' } },
    { seats: 1, service: portrait, expected: {} },
    { seats: 2, service: portrait, expected: { seats: 'this service is booked one place at a time' } },
    {
      seats: 2,
      service: { capacity: 1, maxSeatsPerBooking: 5 },
      expected: { seats: 'this service is booked one place at a time' },
    },
  ])(
    'seats $seats on capacity $service.capacity (max $service.maxSeatsPerBooking) → $expected',
    ({ seats, service, expected }) => {
      expect(problemFields(seatsProblems(seats, service))).toEqual(expected);
    },
  );
});

describe('seatSettingsProblems: capacity 1..1000, maxSeatsPerBooking 1..capacity', () => {
  it.each([
    { settings: {}, expected: {} },
    { settings: { capacity: 8, maxSeatsPerBooking: 8 }, expected: {} },
    { settings: { capacity: 8 }, expected: {} },
    {
      settings: { capacity: 8, maxSeatsPerBooking: 9 },
      expected: { maxSeatsPerBooking: 'a whole number from 1 to the capacity (8)' },
    },
    {
      settings: { maxSeatsPerBooking: 2 },
      expected: { maxSeatsPerBooking: 'a whole number from 1 to the capacity (1)' },
    },
    { settings: { capacity: 0 }, expected: { capacity: 'a whole number from 1 to 1000' } },
    { settings: { capacity: 1001 }, expected: { capacity: 'a whole number from 1 to 1000' } },
    {
      settings: { capacity: 'ten', maxSeatsPerBooking: 0 },
      expected: {
        capacity: 'a whole number from 1 to 1000',
        maxSeatsPerBooking: 'a whole number from 1 to the capacity (1000)',
      },
    },
  ])('$settings → $expected', ({ settings, expected }) => {
    expect(problemFields(seatSettingsProblems(settings))).toEqual(expected);
  });
});

describe('checkSeats: the seats asked for against the seats left at the start', () => {
  it.each([
    { requested: 1, left: 1, expected: { ok: true } },
    { requested: 3, left: 5, expected: { ok: true } },
    { requested: 3, left: 2, expected: { ok: false, code: 'SEATS_UNAVAILABLE', seatsLeft: 2 } },
    { requested: 1, left: 0, expected: { ok: false, code: 'SEATS_UNAVAILABLE', seatsLeft: 0 } },
  ])('$requested asked, $left left → $expected.ok', ({ requested, left, expected }) => {
    expect(checkSeats(requested, left)).toEqual(expected);
  });
});
