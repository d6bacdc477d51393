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
        'SLOTWISE_SECRET must be at least 32 characters long',
      ],
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
