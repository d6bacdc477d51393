/**
 * Prints the plain closing line `N passed, N failed[, N skipped]` that CI reads (it does not read
 * Vitest's own summary). Unhandled errors count as failures so a broken run never reads as green.
 * The line before it gives the run's duration and its slowest test file (decision 025: the suite
 * stays under 5 minutes on CI's 2 cores, no file over 60 s).
 */
import type { Reporter, TestModule } from 'vitest/node';

/** 192_400 ms → "3m12s"; under a minute "41.3s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

export interface FileTime {
  readonly file: string;
  /** Importing the file and running its tests and hooks. */
  readonly ms: number;
}

/** The closing lines: the duration line, then the counts line CI reads (always the last). */
export function closingLines(
  counts: { passed: number; failed: number; skipped: number },
  wallMs: number,
  files: readonly FileTime[],
): string {
  const slowest = files.reduce<FileTime | null>((a, f) => (a === null || f.ms > a.ms ? f : a), null);
  const detail = [`${files.length} files`, slowest ? `slowest ${slowest.file} ${formatDuration(slowest.ms)}` : null];
  const { passed, failed, skipped } = counts;
  return (
    `\nDuration ${formatDuration(wallMs)} (${detail.filter(Boolean).join(', ')})\n` +
    `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`
  );
}

export default class SummaryLine implements Reporter {
  private started = performance.now();

  onInit(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const files: FileTime[] = [];
    for (const mod of testModules) {
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      const d = mod.diagnostic();
      files.push({ file: mod.relativeModuleId, ms: d.collectDuration + d.duration });
    }
    process.stdout.write(closingLines({ passed, failed, skipped }, performance.now() - this.started, files));
  }
}
