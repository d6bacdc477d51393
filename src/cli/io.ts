/** Where commands write: the process's streams, or a buffer in tests. */
import { createInterface } from 'node:readline/promises';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Asks a question on a terminal and resolves with the answer; absent when there is no terminal. */
  ask?(question: string): Promise<string>;
}

async function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // Only a person at a terminal can confirm: a script or a pipe gets no question (and must say --yes).
  ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: askOnTerminal } : {}),
};
