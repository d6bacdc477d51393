/**
 * The log's destination (log.ts, decision 044): written off the event loop, yet every line logged
 * before the process exits reaches stderr, process.exit() straight after logging included.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('log destination', () => {
  it('keeps every line logged right before process.exit (the lines still waiting are written on exit)', () => {
    const script = `
      import { createLogger } from './src/log.ts';
      const log = createLogger({ level: 'info' });
      for (let i = 0; i < 500; i++) log.info({ i }, 'line');
      process.exit(3);
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(3);
    const lines = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { i: number; msg: string; level: string });
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'line' });
  });
});
