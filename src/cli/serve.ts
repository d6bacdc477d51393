/**
 * `slotwise serve [--port N] [--demo]`: serves until SIGINT/SIGTERM, then shuts down gracefully
 * (main.ts Served.close: not ready, no new connections, requests in flight and the job in hand
 * finish) and exits 0. A second signal stops at once with exit code 1. The banner on stdout is
 * for people; the structured logs are JSON lines on stderr (src/log.ts).
 */

import { getMonthAvailability } from '../app/get-month-availability.ts';
import type { Store } from '../app/ports.ts';
import { argon2Hasher } from '../auth/argon2-hasher.ts';
import type { Config } from '../config.ts';
import { dateOf, monthOf } from '../core/index.ts';
import { demoSignIns } from '../demo/demo-accounts.ts';
import { createLogger } from '../log.ts';
import { openRuntime, type Served, startServer, systemClock } from '../main.ts';
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
  const logger = createLogger({ level: config.logLevel });
  const rt = await openRuntime(config);
  let served: Served;
  try {
    served = await startServer(rt, { demo: args.values.demo === true, logger });
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
  io.out(`  ${databaseLine(config)}`);
  io.out(
    served.mail === 'smtp'
      ? '  Mail: sent through MAIL_URL.'
      : served.mail === 'dev-outbox'
        ? `  Mail: not sent (MAIL_URL unset); read it at ${served.url}/dev/mailbox`
        : '  Mail: NOT SENT — set MAIL_URL. (Kept in the database; /dev/mailbox is off because this site is not local.)',
  );
  io.out(`  Open ${served.url}/ in a browser to book.`);
  await printDashboard(io, rt.store, served, args.values.demo === true);
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
  // Listening for the signals before the banner's last line, which tells whoever started this
  // process (a supervisor, a test) that it may now be stopped gracefully.
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (received: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(received);
      // A second signal while draining: the operator wants out now.
      const now = (again: NodeJS.Signals) => {
        logger.warn({ signal: again }, 'second signal: stopping at once');
        process.exit(1);
      };
      process.once('SIGINT', now);
      process.once('SIGTERM', now);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    io.out('  Press Ctrl+C to stop.');
  });
  io.out('Stopping…');
  logger.info({ signal }, 'shutting down');
  // Requests and the job in hand get 10 s each, side by side; past this, something is stuck.
  setTimeout(() => {
    logger.error({ ms: STOP_DEADLINE_MS }, 'shutdown did not finish in time: exiting');
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  await served.close();
  await rt.close();
  logger.info('stopped');
  // Everything is closed; a socket left by a job cut off at shutdown must not keep the process alive.
  setTimeout(() => process.exit(0), 1000).unref();
  return 0;
}

const STOP_DEADLINE_MS = 20_000;

/**
 * Where the dashboard is; in demo mode, the sign-ins: on a local site those that still have the
 * public demo password; elsewhere the new passwords given at this start, shown this once (also
 * without --demo, for a data directory that once held the demo).
 */
async function printDashboard(io: Io, store: Store, served: Served, demo: boolean): Promise<void> {
  const url = served.url;
  if (!served.local && (demo || served.newSignIns.length > 0)) {
    const admin = served.newSignIns.find((s) => s.role === 'admin');
    const staff = served.newSignIns.filter((s) => s.role === 'staff');
    io.out(`  Dashboard: ${url}/admin${admin ? ` — sign in as ${admin.email} / ${admin.password}` : ''}`);
    if (staff.length > 0) {
      io.out(
        `  Staff sign-ins (own bookings and schedule): ${staff.map((s) => `${s.email} / ${s.password}`).join(', ')}`,
      );
    }
    if (served.newSignIns.length > 0) {
      io.out('  This demo is not local: its accounts got the new passwords above, shown only now.');
    }
    return;
  }
  const signIns = demo ? await demoSignIns(store, argon2Hasher) : null;
  if (signIns?.admin) {
    io.out(`  Dashboard: ${url}/admin — sign in as ${signIns.admin} / ${signIns.password}`);
  } else {
    io.out(`  Dashboard: ${url}/admin`);
  }
  if (signIns && signIns.staff.length > 0) {
    io.out(`  Staff sign-in (own bookings and schedule): ${signIns.staff.join(', ')} / ${signIns.password}`);
  }
}

/** Where the data lives, without credentials. */
function databaseLine(config: Config): string {
  if (!config.databaseUrl) return `Data: ${config.dataDir}`;
  const u = new URL(config.databaseUrl);
  return `Database: PostgreSQL at ${u.host}${u.pathname}`;
}
