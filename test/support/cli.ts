/** Runs the real `bin/slotwise.js` in a child process, as a user would. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/slotwise.js', import.meta.url));

/**
 * V8 runs PGlite's WebAssembly with its baseline compiler only (decision 025). A process here lives
 * for one command or one test, not long enough for the optimizing compiler, which V8 otherwise
 * runs over the whole 9 MB module in the background at every start: a third of a command's CPU.
 * Same code and results, only the compiler tier differs. Since decision 037 bin/slotwise.js
 * chooses the same by default; passing it here keeps the tests' choice explicit.
 */
const NODE_ARGS = ['--liftoff-only'];

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // A clean environment: only what the test gives, plus PATH and HOME to find node and caches.
  return { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, ...env };
}

export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, BIN, ...args], {
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`slotwise ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** stdout and stderr as they arrived. */
  output(): string;
  /** stderr alone (the JSON logs). */
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `slotwise serve …` and resolves once it has printed its start-up banner. */
/** `entry`: the script to run instead of bin/slotwise.js (the bundle test runs the bundle itself). */
export function startCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 90_000,
  entry = BIN,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, entry, ...args], {
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving .* at (http:\/\/\S+)/.exec(out);
      // The last line of the start-up banner: everything before it has been printed.
      if (m?.[1] && out.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          child,
          output: () => out,
          stderr: () => err,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code ?? signal}:\n${out}`));
    });
  });
}
