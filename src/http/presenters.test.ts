/** The day view's memo of formatted instants answers exactly what formatInstant does, across zones, DST and its cap. */
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../core/index.ts';
import { formatInstantCached } from './presenters.ts';

const ZONES = ['Europe/Paris', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
// Both 2027 clock changes in Paris and New York, by the half hour.
const around = (iso: string) => Array.from({ length: 12 }, (_, i) => Date.parse(iso) + (i - 6) * 30 * 60_000);
const INSTANTS = [
  ...around('2027-03-28T01:00:00Z'),
  ...around('2027-10-31T01:00:00Z'),
  ...around('2027-03-14T07:00:00Z'),
];

describe('formatInstantCached', () => {
  it('equals formatInstant, first time and from the memo, in every zone', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const zone of ZONES) {
        for (const ms of INSTANTS) expect(formatInstantCached(ms, zone)).toBe(formatInstant(ms, zone));
      }
    }
  });

  it('stays right past its cap (dropped whole, then filled again)', () => {
    const start = Date.parse('2027-01-01T00:00:00Z');
    for (let i = 0; i < 25_000; i++) {
      const ms = start + i * 60_000;
      const zone = ZONES[i % ZONES.length] as string;
      if (i % 997 === 0) expect(formatInstantCached(ms, zone)).toBe(formatInstant(ms, zone));
      else formatInstantCached(ms, zone);
    }
    expect(formatInstantCached(start, 'Europe/Paris')).toBe('2027-01-01T01:00:00+01:00');
  });
});
