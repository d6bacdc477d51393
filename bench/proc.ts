/**
 * Child processes of the benchmark: `bin/slotwise.js` commands and servers, every one tracked so
 * that killChildren() (on exit, on error, on Ctrl+C) leaves nothing running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** BENCH_BIN=<path to bin/slotwise.js of another checkout>: the same bench against another build (A/B runs). */
export const BIN = process.env.BENCH_BIN ?? fileURLToPath(new URL('../bin/slotwise.js', import.meta.url));

const children = new Set<ChildProcess>();

/** Progress for the person watching (stderr, so stdout keeps only the table). */
export const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** A clean environment: what the server needs, per-IP limit off, loopback only. */
export function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    SLOTWISE_DATA_DIR: dataDir,
    RATE_LIMIT_PER_IP: '0',
    HOST: '127.0.0.1',
    // One JSON line per request at "info" would be buffered by the bench and skew the figures.
    LOG_LEVEL: 'warn',
  };
}

/** BENCH_CPU_PROF=<dir>: every server writes a V8 CPU profile there when it stops. */
function nodeFlags(args: string[]): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir && args[0] === 'serve' ? ['--cpu-prof', '--cpu-prof-dir', dir] : [];
}

export function spawnSlotwise(
  args: string[],
  dataDir: string,
  env: Record<string, string> = {},
  bin: string = BIN,
): ChildProcess {
  const argv = [...nodeFlags(args), bin, ...args];
  const child = spawn(process.execPath, argv, {
    env: { ...serverEnv(dataDir), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Runs a command to completion; throws on a non-zero exit or after `timeoutMs`. */
export function runSlotwise(
  args: string[],
  dataDir: string,
  timeoutMs = 120_000,
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnSlotwise(args, dataDir, env);
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stderr?.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`slotwise ${args.join(' ')} timed out\n${err}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`slotwise ${args.join(' ')} exited with ${code}\n${out}${err}`));
    });
  });
}

export interface Server {
  readonly url: string;
  readonly pid: number;
  /** SIGTERM (a clean shutdown keeps the data dir reusable), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/** SIGTERM, then SIGKILL after 15 s; resolves once the child has exited. */
export function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Starts `slotwise serve …` and resolves once the banner is complete ('Press Ctrl+C to stop.'). */
export function startServer(
  dataDir: string,
  extra: string[] = [],
  timeoutMs = 90_000,
  env: Record<string, string> = {},
  bin: string = BIN,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawnSlotwise(['serve', '--port', '0', ...extra], dataDir, env, bin);
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`));
    };
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving .* at (http:\/\/\S+)/.exec(out);
      if (!m?.[1] || !out.includes('Press Ctrl+C to stop.') || child.pid === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      // From here on the output is drained, not kept: at LOG_LEVEL=info the server writes a line
      // per request, and keeping (and scanning) them would cost this process more than the server.
      for (const stream of [child.stdout, child.stderr]) {
        stream?.off('data', onData);
        stream?.resume();
      }
      resolve({ url: m[1], pid: child.pid, stop: stopper(child) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process, MB (VmRSS in /proc/<pid>/status). */
export function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

export function killChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

/** Kills every child on exit, on Ctrl+C / SIGTERM and on an uncaught error. */
export function killChildrenOnExit(onExit: () => void = () => {}): void {
  process.once('exit', () => {
    killChildren();
    onExit();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping`);
      process.exit(130);
    });
  }
}
