/** `slotwise import <setup.json>`: all-or-nothing import of a set-up file. */
import { readFile } from 'node:fs/promises';
import { importSetup } from '../app/import-setup.ts';
import { argon2DefaultHash } from '../auth/argon2-hasher.ts';
import { systemResolve } from '../jobs/guarded-fetch.ts';
import { openRuntime } from '../main.ts';
import type { Io } from './io.ts';
import { configOrExit } from './main.ts';

export async function importCommand(args: { positionals: string[] }, io: Io): Promise<number> {
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) {
    io.err('slotwise import: give exactly one set-up file, e.g. "slotwise import studio.json".');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`slotwise import: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
    return 1;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    io.err(`slotwise import: ${file} is not valid JSON: ${(error as Error).message}`);
    return 1;
  }
  const config = configOrExit(io, 'import');
  if (!config) return 1;
  const rt = await openRuntime(config);
  try {
    const outbound = { allowPrivate: config.allowPrivateUrls, resolve: systemResolve };
    const r = await importSetup({ store: rt.store, hashPassword: argon2DefaultHash, outbound }, value);
    if (!r.ok) {
      const fields = (r.details?.fields ?? {}) as Record<string, string>;
      const lines = Object.entries(fields).map(([path, message]) => `  ${path}: ${message}`);
      io.err(`slotwise import: nothing was imported; ${file} has ${lines.length} problem(s):\n${lines.join('\n')}`);
      return 1;
    }
    io.out(JSON.stringify(r.value));
    return 0;
  } finally {
    await rt.close();
  }
}
