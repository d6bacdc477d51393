// Starts compiling PGlite's WebAssembly (9 MB) on V8's background threads while the app's modules
// load on the main thread: the embedded database opens sooner (docs/PERFORMANCE.md, "Start-up and
// memory"). store/pglite.ts takes the compiled module from PRELOAD_KEY; without one (tests, a
// failure here) PGlite compiles its own, as before. Plain JavaScript: runs before any loader.
import { readFile } from 'node:fs/promises';

export const PRELOAD_KEY = Symbol.for('slotwise.pglite-wasm');

/** Commands that open no database: nothing to compile for them. */
const NO_DATABASE = new Set([undefined, 'help', '--help', '-h', '--version']);

/** `env.DATABASE_URL` set: the PostgreSQL server, no PGlite. */
export function preloadPglite(argv, env = process.env) {
  if (NO_DATABASE.has(argv[0]) || env.DATABASE_URL) return;
  let url;
  try {
    url = new URL('./pglite.wasm', import.meta.resolve('@electric-sql/pglite'));
  } catch {
    return; // a Node without import.meta.resolve: PGlite finds its own file
  }
  const compiled = readFile(url).then((bytes) => WebAssembly.compile(bytes));
  compiled.catch(() => {}); // unused, or failed: PGlite compiles its own
  globalThis[PRELOAD_KEY] = compiled;
}
