/**
 * `slotwise client export --email E` prints every stored fact about a person as JSON;
 * `slotwise client erase --email E [--yes]` removes them (SPEC §11), after a confirmation typed on
 * a terminal, or with --yes. Without a terminal to ask on and without --yes it refuses.
 */
import { z } from 'zod';
import { eraseClientByEmail } from '../app/clients/erase-client-data.ts';
import { exportClientByEmail } from '../app/clients/export-client-data.ts';
import { presentClientData } from '../http/admin/clients/present-client-data.ts';
import { openRuntime, systemClock } from '../main.ts';
import type { Io } from './io.ts';
import { configOrExit } from './main.ts';

const USAGE = 'slotwise client export --email E | slotwise client erase --email E [--yes]';

export async function clientCommand(
  args: { values: Record<string, unknown>; positionals: string[] },
  io: Io,
): Promise<number> {
  const [action, ...extra] = args.positionals;
  const email = args.values.email;
  const fail = (message: string) => {
    io.err(`slotwise client: ${message}\nUsage: ${USAGE}`);
    return 2;
  };
  if ((action !== 'export' && action !== 'erase') || extra.length > 0) return fail('say export or erase.');
  if (typeof email !== 'string' || !z.email().safeParse(email.trim()).success)
    return fail("give the person's email with --email, e.g. --email zoe@example.com.");
  if (action === 'export' && args.values.yes !== undefined) return fail('--yes is for erase only.');
  const config = configOrExit(io, 'client');
  if (!config) return 1;
  const rt = await openRuntime(config);
  try {
    const zone = (await rt.store.getBusiness()).timezone;
    const data = await exportClientByEmail(rt, email);
    if (action === 'export') {
      io.out(JSON.stringify(presentClientData(data, zone, systemClock.now()), null, 2));
      return 0;
    }
    if (
      data.client === null &&
      data.bookings.length === 0 &&
      data.jobs.length === 0 &&
      data.outbox.length === 0 &&
      data.myBookingsLinks.length === 0
    ) {
      io.out(`Nothing is stored about ${email}.`);
      return 0;
    }
    const what = `${data.client ? 'the client record, ' : ''}${data.bookings.length} booking(s)`;
    if (args.values.yes !== true) {
      if (!io.ask) {
        io.err(
          `slotwise client erase: this removes ${email} (${what}) for good. There is no terminal to confirm on: run it again with --yes.`,
        );
        return 1;
      }
      const answer = await io.ask(
        `Erase ${email} for good? Their name, email, phone, address and notes go from ${what} and everything else that holds them; the bookings stay, anonymous, for the books. Type "erase" to confirm: `,
      );
      if (answer.trim().toLowerCase() !== 'erase') {
        io.err('slotwise client erase: not confirmed; nothing was erased.');
        return 1;
      }
    }
    const erased = await eraseClientByEmail({ store: rt.store, clock: systemClock }, email);
    io.out(
      `Erased ${email}: ${erased.client ? 'client record removed, ' : ''}${erased.bookings} booking(s) anonymised and kept for the books, ` +
        `${erased.jobs} job(s), ${erased.outbox} outbox message(s), ${erased.idempotencyKeys} replay(s) and ${erased.myBookingsLinks} link(s) cleared.`,
    );
    return 0;
  } finally {
    await rt.close();
  }
}
