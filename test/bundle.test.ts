/**
 * The start-up bundle (decision 018): bin/slotwise.js runs src/slotwise.bundle.mjs only while it
 * is at least as new as every source file, so an edited source is never shadowed by an old
 * bundle; and the bundle, where built (`npm install` builds it), migrates a database and serves
 * pages and their assets — the files it reads at run time are found from the bundle too.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_NAME, bundleIsCurrent } from '../bin/bundle-check.js';
import { startCli } from './support/cli.ts';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A src/ tree with a.ts, store/b.sql and (unless `null`) the bundle, each with its mtime in s. */
function tree(times: { a: number; b: number; bundle: number | null }): URL {
  const root = mkdtempSync(join(tmpdir(), 'slotwise-bundle-'));
  temps.push(root);
  mkdirSync(join(root, 'store'));
  const put = (path: string, seconds: number) => {
    writeFileSync(join(root, path), 'x');
    utimesSync(join(root, path), seconds, seconds);
  };
  put('a.ts', times.a);
  put('store/b.sql', times.b);
  if (times.bundle !== null) put(BUNDLE_NAME, times.bundle);
  return pathToFileURL(`${root}/`);
}

describe('which entry bin/slotwise.js runs', () => {
  it.each([
    { case: 'bundle newer than every source', times: { a: 100, b: 200, bundle: 300 }, env: {}, want: true },
    { case: 'bundle as new as the newest source', times: { a: 100, b: 300, bundle: 300 }, env: {}, want: true },
    { case: 'a source edited after the build', times: { a: 100, b: 400, bundle: 300 }, env: {}, want: false },
    { case: 'no bundle', times: { a: 100, b: 200, bundle: null }, env: {}, want: false },
    {
      case: 'SLOTWISE_FROM_SOURCE=1',
      times: { a: 100, b: 200, bundle: 300 },
      env: { SLOTWISE_FROM_SOURCE: '1' },
      want: false,
    },
  ])('$case → bundle: $want', ({ times, env, want }) => {
    expect(bundleIsCurrent(tree(times), env)).toBe(want);
  });
});

const bundle = new URL(`../src/${BUNDLE_NAME}`, import.meta.url);
const built = existsSync(bundle);
if (!built)
  console.warn('test/bundle.test.ts: src/slotwise.bundle.mjs is not built (`npm run build`); its run is skipped.');

describe.skipIf(!built)('the bundle itself', () => {
  it('loads the demo into a fresh database and serves the pages, their assets and the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-bundle-data-'));
    temps.push(dir);
    const entry = fileURLToPath(new URL('support/run-bundle.mjs', import.meta.url));
    const server = await startCli(['serve', '--demo', '--port', '0'], { SLOTWISE_DATA_DIR: dir }, 120_000, entry);
    try {
      const home = await fetch(`${server.url}/`);
      const html = await home.text();
      expect(home.status).toBe(200);
      const css = /href="(\/assets\/app\.css\?v=[0-9a-f]+)"/.exec(html)?.[1];
      expect(css).toBeDefined();
      const asset = await fetch(`${server.url}${css}`);
      expect([asset.status, (await asset.text()).length > 1000]).toEqual([200, true]);
      const services = (await (await fetch(`${server.url}/api/v1/services`)).json()) as { services: unknown[] };
      expect(services.services.length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 240_000);
});
