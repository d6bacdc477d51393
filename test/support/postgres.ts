/**
 * A PostgreSQL server for tests. With TEST_DATABASE_URL, a fresh database on that server per
 * call (dropped by stop()); otherwise a throwaway server from the installed binaries: initdb into
 * a temp dir, postgres on a free 127.0.0.1 port with durability off, stopped and deleted by stop().
 * Null when neither is available: the caller skips its tests and prints POSTGRES_SKIP_REASON.
 *
 * initdb and postgres refuse to run as root, so as root (CI, containers) they run as the
 * `postgres` user (Debian's postgresql-common creates it) or else `nobody`, switched to by the
 * spawn itself (uid/gid), with the temp dir owned by that user.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** postgres://… of a database of its own. */
  readonly url: string;
  /** The same database over the server's Unix socket, when it is a throwaway server on this machine. */
  readonly socketUrl?: string;
  stop(): Promise<void>;
}

export const POSTGRES_SKIP_REASON =
  'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://… or install PostgreSQL server binaries (apt-get install postgresql)';

const BIN_ROOT = '/usr/lib/postgresql';

/** The directory holding initdb and postgres: PG_BIN, else the highest version under /usr/lib/postgresql. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null;
  if (!existsSync(BIN_ROOT)) return null;
  const versions = readdirSync(BIN_ROOT)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(BIN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(BIN_ROOT, versions[0], 'bin');
}

/** Whether startTestPostgres() can give a server (decided without starting one). */
export function testPostgresAvailable(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL) || findPostgresBin() !== null;
}

/** A database to test against, or null when there is neither TEST_DATABASE_URL nor a server binary. */
export async function startTestPostgres(): Promise<TestPostgres | null> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return freshDatabaseOn(url);
  const bin = findPostgresBin();
  return bin ? startThrowawayServer(bin) : null;
}

/** Creates a uniquely named database on an existing server; stop() drops it. */
async function freshDatabaseOn(serverUrl: string): Promise<TestPostgres> {
  const name = `slotwise_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let stopped = false;
  return {
    url: url.toString(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Who runs initdb and postgres: this process, or (as root) an unprivileged user. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // No such user: try the next one.
    }
  }
  throw new Error('running as root and neither a "postgres" nor a "nobody" user exists to run PostgreSQL');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startThrowawayServer(bin: string): Promise<TestPostgres> {
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-pg-'));
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  try {
    if (user) chownSync(dir, user.uid, user.gid);
    const data = join(dir, 'data');
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], ...as },
    );
    // The free port may be taken by someone else before postgres binds it: then try another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const server = await runPostgres(bin, dir, data, port, as);
      if (server) return server;
      if (attempt === 3) throw new Error(`postgres did not start:\n${logTail(dir)}`);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function logTail(dir: string): string {
  const file = join(dir, 'postgres.log');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '(no log)';
}

/** Starts postgres and waits until it accepts connections; null when it exited first (port taken). */
async function runPostgres(
  bin: string,
  dir: string,
  data: string,
  port: number,
  as: { uid?: number; gid?: number },
): Promise<TestPostgres | null> {
  const log = openSync(join(dir, 'postgres.log'), 'a');
  const child = spawn(
    join(bin, 'postgres'),
    [
      ['-D', data, '-k', dir, '-h', '127.0.0.1', '-p', String(port), '-F'],
      ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    ].flat(),
    { cwd: dir, stdio: ['ignore', log, log], ...as },
  );
  closeSync(log);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve()); // could not be spawned at all
  });
  let running = true;
  void exited.then(() => {
    running = false;
  });
  // If the test process ends without stop() (a crash, a killed worker), take the server along.
  const onExit = () => {
    child.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  while (running) {
    if (await accepts(url)) {
      let stopped = false;
      return {
        url,
        socketUrl: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
        async stop() {
          if (stopped) return;
          stopped = true;
          process.off('exit', onExit);
          await shutDown(child, exited);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (Date.now() > deadline) {
      process.off('exit', onExit);
      await shutDown(child, exited);
      throw new Error(`postgres did not accept connections within 30 s:\n${logTail(dir)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.off('exit', onExit);
  return null;
}

/** Immediate shutdown (SIGQUIT): nothing is worth keeping, so no checkpoint. */
async function shutDown(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGQUIT');
  await exited;
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
