/**
 * The suite's closing lines (scripts/summary-reporter.ts): CI reads the last line, which must stay
 * the plain `N passed, N failed`; the duration and the slowest file come on the line before it.
 */
import { describe, expect, it } from 'vitest';
import { closingLines, formatDuration } from '../scripts/summary-reporter.ts';

describe('the closing lines', () => {
  it('write durations as minutes and seconds, or seconds under a minute', () => {
    expect(formatDuration(192_400)).toBe('3m12s');
    expect(formatDuration(300_000)).toBe('5m00s');
    expect(formatDuration(41_260)).toBe('41.3s');
  });

  it('end with the plain counts line, the duration and the slowest file just before it', () => {
    const text = closingLines({ passed: 2494, failed: 0, skipped: 0 }, 201_000, [
      { file: 'test/a.test.ts', ms: 1_200 },
      { file: 'test/browser/access.test.ts', ms: 31_000 },
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('2494 passed, 0 failed');
    expect(lines.at(-2)).toBe('Duration 3m21s (2 files, slowest test/browser/access.test.ts 31.0s)');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('count skipped tests only when there are some', () => {
    const text = closingLines({ passed: 1, failed: 2, skipped: 3 }, 1_000, []);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 2 failed, 3 skipped');
    expect(text).toContain('Duration 1.0s (0 files)');
  });
});
