/**
 * `slotwise reencrypt --from-secret-file FILE` (decision 029): after SLOTWISE_SECRET (or the data
 * directory's `secret` file) changed, seals the sensitive answers sealed under the old secret —
 * read from FILE, never from the command line, where other users of the host could see it — again
 * under the current one. Safe to run twice, and while the server runs (server mode).
 */
import { readFileSync } from 'node:fs';
import { reencryptAnswers } from '../app/reencrypt-answers.ts';
import { MIN_SECRET_LENGTH } from '../config.ts';
import { openRuntime } from '../main.ts';
import type { Io } from './io.ts';
import { configOrExit } from './main.ts';

export async function reencryptCommand(args: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const file = args.values['from-secret-file'];
  const fail = (message: string, code = 2) => {
    io.err(`slotwise reencrypt: ${message}`);
    return code;
  };
  if (typeof file !== 'string' || file === '')
    return fail(
      'give the old secret in a file: --from-secret-file FILE (e.g. a copy of the old data directory’s "secret").',
    );
  let oldSecret: string;
  try {
    // As config.ts reads SLOTWISE_SECRET: spaces and the final line break around it do not count.
    oldSecret = readFileSync(file, 'utf8').trim();
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, 1);
  }
  if (oldSecret.length < MIN_SECRET_LENGTH) return fail(`${file} does not hold a secret (too short).`, 1);
  const config = configOrExit(io, 'reencrypt');
  if (!config) return 1;
  const rt = await openRuntime(config);
  try {
    if (oldSecret === rt.secret.trim()) return fail('that is the current secret: nothing to do.', 1);
    const r = await reencryptAnswers(rt, oldSecret, rt.secret);
    io.out(
      `Sealed again under the current secret: ${r.moved}; already under it: ${r.current}; ` +
        `opened with neither secret (left as they are): ${r.unreadable}.`,
    );
    return r.unreadable > 0 ? 1 : 0;
  } finally {
    await rt.close();
  }
}
