import { defineConfig } from 'vitest/config';
import SummaryLine from './scripts/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', new SummaryLine()],
    // Migrated database templates, made once per run (test/support/templates.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry to start; two workers match the 2-core machine.
    maxWorkers: 2,
  },
});
