/**
 * scripts/audit.mjs (`npm run audit`, run by CI): fails on a high or critical advisory, passes on
 * lower ones, and says plainly when nothing could be checked (failing then only if required).
 * The reports are in the shape `npm audit --json` (npm 7+) writes.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, no types
import { judge } from '../scripts/audit.mjs';

const counts = (c: Partial<Record<'low' | 'moderate' | 'high' | 'critical', number>>) => ({
  info: 0,
  low: 0,
  moderate: 0,
  high: 0,
  critical: 0,
  ...c,
});

const advisory = (name: string, severity: string) => ({
  name,
  severity,
  isDirect: false,
  via: [{ title: `${name} flaw`, url: `https://github.com/advisories/GHSA-${name}`, severity }],
  range: '<1.2.3',
  fixAvailable: true,
});

describe('npm audit verdict', () => {
  it('a high advisory fails, naming it', () => {
    const r = judge(
      {
        auditReportVersion: 2,
        vulnerabilities: { semver: advisory('semver', 'high'), ms: advisory('ms', 'low') },
        metadata: { vulnerabilities: counts({ high: 1, low: 1 }), dependencies: { total: 300 } },
      },
      false,
    );
    expect(r).toEqual({
      code: 1,
      lines: [
        '  high: semver <1.2.3 — semver flaw (https://github.com/advisories/GHSA-semver) — fix available',
        'npm audit: 0 critical, 1 high, 0 moderate, 1 low in 300 packages',
      ],
    });
  });

  it('moderate and low pass, with the counts', () => {
    const r = judge(
      {
        vulnerabilities: { ms: advisory('ms', 'moderate') },
        metadata: { vulnerabilities: counts({ moderate: 1 }), dependencies: { total: 300 } },
      },
      true,
    );
    expect(r).toEqual({ code: 0, lines: ['npm audit: 0 critical, 0 high, 1 moderate, 0 low in 300 packages'] });
  });

  it('an unreachable advisory service is reported as not checked, and fails only when required', () => {
    const error = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    };
    expect(judge(error, false)).toEqual({
      code: 0,
      lines: [`npm audit: NOT CHECKED — the advisory service could not be asked (${error.message}).`],
    });
    expect(judge(error, true).code).toBe(1);
  });
});
