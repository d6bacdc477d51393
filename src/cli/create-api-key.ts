/**
 * `slotwise create-api-key --role admin|staff [--staff KEY] [--label L]`: makes an admin API key,
 * or a staff member's (KEY is the member's `key` from the set-up file), and prints it once; only
 * its SHA-256 is kept.
 */

import { createApiKey } from '../app/dashboard/accounts/create-api-key.ts';
import type { Actor } from '../app/dashboard/actor.ts';
import { openRuntime, systemClock } from '../main.ts';
import type { Io } from './io.ts';
import { configOrExit } from './main.ts';

const USAGE_HINT = 'e.g. "slotwise create-api-key --role admin" or "slotwise create-api-key --role staff --staff ana"';
const COMMAND_LINE: Actor = { role: 'admin', userId: null, keyId: null };

export async function createApiKeyCommand(args: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const { role, staff, label } = args.values;
  const fail = (message: string) => {
    io.err(`slotwise create-api-key: ${message}`);
    return 2;
  };
  if (role !== 'admin' && role !== 'staff') return fail(`give --role admin or --role staff, ${USAGE_HINT}.`);
  if (role === 'staff' && (typeof staff !== 'string' || staff === '')) {
    return fail("a staff key needs --staff KEY, the staff member's key from the set-up file (e.g. --staff ana).");
  }
  if (role === 'admin' && staff !== undefined)
    return fail('--staff is only for --role staff; an admin key acts for everyone.');
  if (typeof label === 'string' && label.length > 100) return fail('--label must be at most 100 characters.');
  const config = configOrExit(io, 'create-api-key');
  if (!config) return 1;
  const rt = await openRuntime(config);
  try {
    let staffId: string | null = null;
    let member = '';
    if (role === 'staff') {
      const members = await rt.store.listStaff();
      const found = members.find((m) => m.key === staff);
      if (!found) {
        const keys = members.flatMap((m) => (m.key ? [m.key] : []));
        io.err(
          `slotwise create-api-key: no staff member with key "${String(staff)}"${keys.length ? ` (keys: ${keys.join(', ')})` : ' (there are no staff members yet)'}.`,
        );
        return 1;
      }
      staffId = found.id;
      member = ` for ${found.name}`;
    }
    const r = await createApiKey({ store: rt.store, clock: systemClock }, COMMAND_LINE, {
      role,
      staffId,
      label: typeof label === 'string' ? label : 'command line',
    });
    if (!r.ok) {
      io.err(`slotwise create-api-key: ${r.message}`);
      return 1;
    }
    io.out(`${role === 'admin' ? 'Admin' : 'Staff'} API key${member} (shown once): ${r.value.key}`);
    return 0;
  } finally {
    await rt.close();
  }
}
