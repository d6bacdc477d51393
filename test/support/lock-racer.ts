/**
 * A process that races for a data-directory lock (src/store/data-dir-lock.test.ts): for each
 * line `go <dir>` on stdin it tries lockDataDir(dir) and prints `won` or `refused <error name>`;
 * a lock it wins is kept (never released) until it exits. `onStale` sleeps a random 0-4 ms, so
 * the racers' steps interleave in every order across the rounds.
 */
import { createInterface } from 'node:readline';
import { lockDataDir } from '../../src/store/data-dir-lock.ts';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const onStale = () => Atomics.wait(sleeper, 0, 0, Math.floor(Math.random() * 5));

for await (const line of createInterface({ input: process.stdin })) {
  const [command, dir] = line.split(' ');
  if (command !== 'go' || !dir) continue;
  try {
    lockDataDir(dir, { onStale });
    process.stdout.write('won\n');
  } catch (error) {
    process.stdout.write(`refused ${(error as Error).constructor.name}\n`);
  }
}
