/**
 * `slotwise` command line (API.md "Command line"): serve, migrate, import, create-admin,
 * create-api-key, client export/erase, backup, restore, reencrypt.
 * Every command applies pending migrations first. Returns the exit code; never throws at the user.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { DataDirError } from '../store/data-dir-error.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { clientCommand } from './client.ts';
import { createAdminCommand } from './create-admin.ts';
import { createApiKeyCommand } from './create-api-key.ts';
import { importCommand } from './import.ts';
import { type Io, processIo } from './io.ts';
import { migrateCommand } from './migrate.ts';
import { reencryptCommand } from './reencrypt.ts';
import { serveCommand } from './serve.ts';

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: Io): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'serve the booking site and API',
    usage: `slotwise serve [--port N] [--demo]

  --port N   port to listen on (default: PORT or 3000; 0 picks a free one)
  --demo     load the demo studio first, if the database is empty`,
    options: { port: { type: 'string' }, demo: { type: 'boolean' } },
    run: serveCommand,
  },
  migrate: {
    summary: 'apply pending database migrations and exit',
    usage: 'slotwise migrate',
    options: {},
    run: migrateCommand,
  },
  import: {
    summary: 'create or update the business, services, staff and admins from a set-up file',
    usage: `slotwise import <setup.json>

  Creates or updates, by key, everything in the file, all or nothing, and prints
  {"services": {key: id}, "staff": {key: id}}. See API.md "Set-up file" for the format.`,
    options: {},
    run: importCommand,
  },
  'create-admin': {
    summary: 'create a dashboard admin and print a generated password',
    usage: 'slotwise create-admin --email E',
    options: { email: { type: 'string' } },
    run: createAdminCommand,
  },
  'create-api-key': {
    summary: 'create an API key for the admin API and print it once',
    usage: `slotwise create-api-key --role admin|staff [--staff KEY] [--label L]

  --role admin   a key that may do everything
  --role staff   a key limited to one staff member's bookings and schedule
  --staff KEY    that staff member's key from the set-up file (e.g. ana)
  --label L      what the key is for, shown in the dashboard's key list`,
    options: { role: { type: 'string' }, staff: { type: 'string' }, label: { type: 'string' } },
    run: createApiKeyCommand,
  },
  client: {
    summary: 'export or erase everything stored about a client (by email)',
    usage: `slotwise client export --email E
       slotwise client erase --email E [--yes]

  export   prints every stored fact about the person as JSON
  erase    removes the person: name, email, phone, address and notes go from every booking and
           from everything else that holds them; the bookings stay, anonymous, for the books.
           Asks for confirmation on a terminal; without one, --yes is required.`,
    options: { email: { type: 'string' }, yes: { type: 'boolean' } },
    run: clientCommand,
  },
  backup: {
    summary: 'write a consistent backup of the embedded database to a file',
    usage: `slotwise backup <file>

  Embedded database only (a PostgreSQL server: pg_dump). The backup does not hold the data
  directory's secret: keep a copy of it apart. While the server runs, download the same file from
  GET /api/v1/admin/backup instead.`,
    options: {},
    run: backupCommand,
  },
  restore: {
    summary: 'restore a backup into an empty data directory',
    usage: `slotwise restore <file>

  Fills SLOTWISE_DATA_DIR, which must hold no database yet (a "secret" file put there first is
  kept), from a file made by "slotwise backup" or GET /api/v1/admin/backup.`,
    options: {},
    run: restoreCommand,
  },
  reencrypt: {
    summary: 'after the secret changed, encrypt sensitive answers again under the current one',
    usage: `slotwise reencrypt --from-secret-file FILE

  FILE holds the old SLOTWISE_SECRET (or the old data directory's "secret" file). Every sensitive
  answer sealed under it is sealed again under the current secret; answers already under the
  current one are left alone, so it is safe to run twice. Exits 1 if some answers open with
  neither secret (decision 029).`,
    options: { 'from-secret-file': { type: 'string' } },
    run: reencryptCommand,
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `Slotwise: appointment booking.

Usage: slotwise <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Run "slotwise <command> --help" for a command's options.
Environment: PORT, HOST, DATABASE_URL, SLOTWISE_DATA_DIR, PUBLIC_URL, SLOTWISE_SECRET, MAIL_URL, MAIL_FROM,
RATE_LIMIT_PER_IP, RATE_LIMITS, TRUST_PROXY, JOB_LEASE_SECONDS, JOB_POLL_MS, LOG_LEVEL, FRAME_ANCESTORS,
ALLOW_PRIVATE_URLS (see README and docs/DEPLOY.md).`;
}

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const cmd = topic ? COMMANDS[topic] : undefined;
    io.out(cmd ? `Usage: ${cmd.usage}` : mainHelp());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`slotwise: unknown command "${name}". Run "slotwise --help" to see the commands.`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`slotwise ${name}: ${(error as Error).message}\nUsage: ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(`Usage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(
      { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals },
      io,
    );
  } catch (error) {
    if (error instanceof DataDirError) {
      io.err(`slotwise ${name}: ${error.message}`);
      return 1;
    }
    io.err(
      `slotwise ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}

/** Loads the configuration or prints every problem; used by each command. */
export function configOrExit(io: Io, name: string, overrides: { port?: number } = {}) {
  const r = loadConfig(undefined, overrides);
  if (!r.ok) io.err(`slotwise ${name}: the environment has problems:\n${r.problems.map((p) => `  - ${p}`).join('\n')}`);
  return r.ok ? r.config : null;
}
