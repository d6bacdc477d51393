/** `slotwise serve [--port N] [--demo]`: serves until SIGINT/SIGTERM, then shuts down cleanly. */

import { getMonthAvailability } from '../app/get-month-availability.ts';
import { dateOf, monthOf } from '../core/index.ts';
import { openRuntime, startServer, systemClock } from '../main.ts';
import type { Io } from './io.ts';
import { configOrExit } from './main.ts';

export async function serveCommand(args: { values: Record<string, unknown> }, io: Io): Promise<number> {
  const portArg = args.values.port;
  let port: number | undefined;
  if (typeof portArg === 'string') {
    port = Number(portArg);
    if (!/^\d+$/.test(portArg) || port > 65535) {
      io.err(`slotwise serve: --port must be a whole number from 0 to 65535 (got "${portArg}").`);
      return 2;
    }
  }
  const config = configOrExit(io, 'serve', port === undefined ? {} : { port });
  if (!config) return 1;
  const started = Date.now();
  const rt = await openRuntime(config);
  let served: Awaited<ReturnType<typeof startServer>>;
  try {
    served = await startServer(rt, { demo: args.values.demo === true, log: io.err });
  } catch (error) {
    await rt.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(
        `slotwise serve: port ${config.port} on ${config.host} is already in use; choose another with --port or PORT.`,
      );
      return 1;
    }
    throw error;
  }
  const business = await rt.store.getBusiness();
  const services = await rt.store.listServices({ activeOnly: true });
  io.out(`Slotwise is serving ${business.name} at ${served.url} (ready in ${Date.now() - started} ms)`);
  if (served.demoBookings !== null) {
    const staff = (await rt.store.listStaff()).length;
    io.out(
      `  Loaded the demo studio: ${services.length} services, ${staff} photographers, ${served.demoBookings} bookings.`,
    );
  }
  io.out(`  Data: ${config.dataDir}`);
  io.out(
    served.mail === 'smtp'
      ? '  Mail: sent through MAIL_URL.'
      : `  Mail: not sent (MAIL_URL unset); read it at ${served.url}/dev/mailbox`,
  );
  io.out(`  Open ${served.url}/ in a browser to book.`);
  const first = services[0];
  if (first) {
    // Point at the first day that really has slots, which may be next month.
    const month = monthOf(dateOf(Date.now(), business.timezone));
    const view = await getMonthAvailability(
      { store: rt.store, clock: systemClock },
      { service: first.slug, staff: 'any', month },
    );
    const day = view.ok ? view.value.firstAvailable : null;
    io.out(
      day
        ? `  Try: curl '${served.url}/api/v1/availability/day?service=${first.slug}&staff=any&date=${day}'`
        : `  Try: curl '${served.url}/api/v1/availability/month?service=${first.slug}&staff=any&month=${month}'`,
    );
  }
  io.out('  Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.out('Stopping…');
  await served.close();
  await rt.close();
  return 0;
}
