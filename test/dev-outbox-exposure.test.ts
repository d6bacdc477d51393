/**
 * The dev outbox holds every email, manage links included, so it is readable over HTTP only on a
 * local site (app/local-site.ts; the demo follows the same rule, test/demo-reach.test.ts). A
 * deployment (PUBLIC_URL not a loopback address) that forgot MAIL_URL keeps its emails in the
 * database but does not serve them to anyone, and says so on start-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startCli } from './support/cli.ts';
import { seedDataDir } from './support/templates.ts';

const dirs: string[] = [];
const servers: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(servers.filter((s) => s.child.exitCode === null).map((s) => s.stop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function serve(env: Record<string, string>): Promise<RunningServer> {
  const dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-outbox-')));
  dirs.push(dir);
  const s = await startCli(['serve', '--port', '0'], { SLOTWISE_DATA_DIR: dir, HOST: '127.0.0.1', ...env });
  servers.push(s);
  return s;
}

const status = async (url: string) => (await fetch(url)).status;

describe('who can read the dev outbox', () => {
  it('PUBLIC_URL set and no MAIL_URL: neither the page nor the API is served, and start-up warns', async () => {
    const s = await serve({ PUBLIC_URL: 'https://booking.example.test' });
    expect(await status(`${s.url}/dev/mailbox`)).toBe(404);
    expect(await status(`${s.url}/api/v1/dev/mailbox?to=a@b.test`)).toBe(404);
    expect(s.output()).toContain('Mail: NOT SENT — set MAIL_URL.');
    expect(s.stderr()).toContain('/dev/mailbox is off because this site is not local');
  });

  it('local development (no PUBLIC_URL): served', async () => {
    const s = await serve({});
    expect(await status(`${s.url}/dev/mailbox`)).toBe(200);
    expect(await status(`${s.url}/api/v1/dev/mailbox?to=a@b.test`)).toBe(200);
  });
});
