import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const SECRET = 'a-shared-secret-of-at-least-32-characters';

describe('loadConfig: DATABASE_URL (PostgreSQL server mode)', () => {
  it.each(['postgres://slotwise@db.internal:5432/slotwise', 'postgresql://slotwise@db.internal/slotwise'])(
    'accepts %s with SLOTWISE_SECRET',
    (url) => {
      const r = loadConfig({ DATABASE_URL: url, SLOTWISE_SECRET: SECRET });
      expect(r).toMatchObject({ ok: true, config: { databaseUrl: url, secret: SECRET } });
    },
  );

  it('requires SLOTWISE_SECRET: several processes share it and there is no data directory to keep one', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db.internal/slotwise' })).toEqual({
      ok: false,
      problems: [
        'SLOTWISE_SECRET is required with DATABASE_URL: set the same value (at least 32 characters, e.g. from `openssl rand -base64 32`) for every process',
      ],
    });
  });

  it('refuses another scheme, listing every problem at once', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://db.internal/slotwise', SLOTWISE_SECRET: 'short' })).toEqual({
      ok: false,
      problems: [
        'DATABASE_URL must start with postgres:// or postgresql:// (got "mysql://…")',
        'SLOTWISE_SECRET must be at least 32 characters long (got 5)',
      ],
    });
  });

  it.each([
    ['empty', '', 'an empty value'],
    ['only spaces', ' '.repeat(40), 'an empty value'],
    ['short once its spaces are cut', `  ${'k'.repeat(31)}  `, '31'],
  ])('refuses a SLOTWISE_SECRET that is %s', (_, secret, got) => {
    expect(loadConfig({ SLOTWISE_SECRET: secret })).toEqual({
      ok: false,
      problems: [`SLOTWISE_SECRET must be at least 32 characters long (got ${got})`],
    });
  });

  it('unset: the embedded database, and SLOTWISE_SECRET stays optional', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { databaseUrl: null, secret: null } });
  });
});

describe('loadConfig: job timing and logs', () => {
  it('defaults: a 60 s lease, a poll every second, info logs', () => {
    expect(loadConfig({})).toMatchObject({
      ok: true,
      config: { jobLeaseMs: 60_000, jobPollMs: 1000, logLevel: 'info' },
    });
  });

  it('takes DATABASE_POOL_SIZE (10 by default, 1 to 1000)', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { databasePoolSize: 10 } });
    expect(loadConfig({ DATABASE_POOL_SIZE: '25' })).toMatchObject({ ok: true, config: { databasePoolSize: 25 } });
    expect(loadConfig({ DATABASE_POOL_SIZE: '0' })).toEqual({
      ok: false,
      problems: ['DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "0")'],
    });
  });

  it('takes JOB_LEASE_SECONDS, JOB_POLL_MS and LOG_LEVEL (case-insensitive; silent allowed)', () => {
    expect(loadConfig({ JOB_LEASE_SECONDS: '5', JOB_POLL_MS: '50', LOG_LEVEL: 'Silent' })).toMatchObject({
      ok: true,
      config: { jobLeaseMs: 5000, jobPollMs: 50, logLevel: 'silent' },
    });
  });

  it('refuses a lease under 5 s, a poll under 50 ms and an unknown level, all at once', () => {
    expect(loadConfig({ JOB_LEASE_SECONDS: '4', JOB_POLL_MS: '10', LOG_LEVEL: 'verbose' })).toEqual({
      ok: false,
      problems: [
        'JOB_LEASE_SECONDS must be a whole number from 5 to 86400 (got "4")',
        'JOB_POLL_MS must be a whole number from 50 to 600000 (got "10")',
        'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent (got "verbose")',
      ],
    });
  });
});

describe('loadConfig: rate limits', () => {
  it('defaults: every limit on, the per-address one at RATE_LIMIT_PER_IP a minute', () => {
    const r = loadConfig({ RATE_LIMIT_PER_IP: '120' });
    expect(r).toMatchObject({
      ok: true,
      config: {
        trustProxy: 0,
        rateLimits: { ip: { max: 120, windowMs: 60_000 }, 'signin-email': { max: 10, windowMs: 900_000 } },
      },
    });
    expect(Object.keys(r.ok ? r.config.rateLimits : {}).length).toBe(17);
  });

  it('RATE_LIMITS overrides or turns off single limits; RATE_LIMIT_PER_IP=0 turns off every per-address one', () => {
    const r = loadConfig({
      RATE_LIMIT_PER_IP: '0',
      RATE_LIMITS: 'signin-email=5/30m, booking-email=off',
      TRUST_PROXY: '1',
    });
    expect(r.ok && r.config.rateLimits).toEqual({
      'verify-email': { max: 20, windowMs: 86_400_000 },
      'resend-token': { max: 5, windowMs: 3_600_000 },
      // Per booking, not per address: RATE_LIMIT_PER_IP=0 leaves it on.
      'return-reference': { max: 3, windowMs: 3_600_000 },
      'signin-email': { max: 5, windowMs: 1_800_000 },
      'reset-email': { max: 3, windowMs: 3_600_000 },
      'my-bookings-email': { max: 3, windowMs: 3_600_000 },
      'password-user': { max: 10, windowMs: 900_000 },
    });
    expect(r.ok && r.config.trustProxy).toBe(1);
  });

  it('refuses a wrong RATE_LIMITS entry, naming the entry and the names', () => {
    const r = loadConfig({ RATE_LIMITS: 'signin=5/15m,verify-ip=0/1h,booking-ip=5/9y', TRUST_PROXY: 'x' });
    expect(r.ok ? [] : r.problems).toEqual([
      'RATE_LIMITS: "signin=5/15m" is not "name=max/window" (e.g. signin-email=5/15m) or "name=off"; names: ip, booking-ip, booking-email, verify-ip, verify-email, resend-ip, resend-token, payment-ip, return-reference, signin-ip, signin-email, reset-ip, reset-email, my-bookings-ip, my-bookings-email, password-ip, password-user',
      'RATE_LIMITS: "verify-ip=0/1h" needs at least 1 hit and a window from 1s to 7d',
      'RATE_LIMITS: "booking-ip=5/9y" is not "name=max/window" (e.g. signin-email=5/15m) or "name=off"; names: ip, booking-ip, booking-email, verify-ip, verify-email, resend-ip, resend-token, payment-ip, return-reference, signin-ip, signin-email, reset-ip, reset-email, my-bookings-ip, my-bookings-email, password-ip, password-user',
      'TRUST_PROXY must be a whole number from 0 to 10 (got "x")',
    ]);
  });
});

describe('loadConfig: ALLOW_PRIVATE_URLS', () => {
  it('is off unless 1: webhook URLs may not point at private addresses by default', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { allowPrivateUrls: false } });
    expect(loadConfig({ ALLOW_PRIVATE_URLS: '0' })).toMatchObject({ ok: true, config: { allowPrivateUrls: false } });
    expect(loadConfig({ ALLOW_PRIVATE_URLS: '1' })).toMatchObject({ ok: true, config: { allowPrivateUrls: true } });
  });

  it.each(['yes', 'true', '2'])('refuses %s', (value) => {
    expect(loadConfig({ ALLOW_PRIVATE_URLS: value })).toEqual({
      ok: false,
      problems: [`ALLOW_PRIVATE_URLS must be 0 or 1 (got "${value}")`],
    });
  });
});

describe('loadConfig: CALENDAR_POLL_MINUTES', () => {
  it('defaults to 10 minutes; 0 turns the poll off; any whole number of minutes up to a day', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { calendarPollMs: 600_000 } });
    expect(loadConfig({ CALENDAR_POLL_MINUTES: '0' })).toMatchObject({ ok: true, config: { calendarPollMs: null } });
    expect(loadConfig({ CALENDAR_POLL_MINUTES: '1' })).toMatchObject({ ok: true, config: { calendarPollMs: 60_000 } });
    expect(loadConfig({ CALENDAR_POLL_MINUTES: '1440' })).toMatchObject({
      ok: true,
      config: { calendarPollMs: 86_400_000 },
    });
  });

  it.each(['-1', '1441', '2.5', 'ten'])('refuses %s', (value) => {
    expect(loadConfig({ CALENDAR_POLL_MINUTES: value })).toEqual({
      ok: false,
      problems: [`CALENDAR_POLL_MINUTES must be a whole number from 0 to 1440 (got "${value}")`],
    });
  });
});
