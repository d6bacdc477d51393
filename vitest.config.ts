import { defineConfig } from 'vitest/config';
import SummaryLine from './scripts/summary-reporter.ts';

/** Test files that need a process of their own: vi.mock of a Node module (decision 025). */
const ISOLATED = ['src/store/pglite-durability.test.ts'];
const BROWSER = ['test/browser/**/*.test.ts'];

// Decision 025: a test file runs in a worker process that earlier files already used (isolate:
// false), so the app's modules are imported once per worker instead of once per file; every file
// still opens, and closes, its own databases and servers.
const common = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    reporters: ['default', new SummaryLine()],
    // Migrated database templates, made once per run (test/support/templates.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // PGlite instances are memory-hungry to start; two workers match the 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...common,
          name: 'main',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...ISOLATED, ...BROWSER],
          isolate: false,
        },
      },
      // One Chromium for the run, shared by the browser test files (test/support/chromium.ts).
      {
        test: {
          ...common,
          name: 'browser',
          include: BROWSER,
          isolate: false,
          globalSetup: ['test/support/chromium.ts'],
        },
      },
      { test: { ...common, name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
