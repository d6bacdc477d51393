#!/usr/bin/env node
// Runs the one-file bundle that `npm install` builds (scripts/build.mjs, decision 018) while it
// is newer than every source file; otherwise the TypeScript sources through tsx (decision 002),
// so an edited source always runs as written. SLOTWISE_FROM_SOURCE=1 forces the sources.
// Before either loads: V8's settings, and PGlite's WebAssembly starts compiling (decision 037).
import { BUNDLE_NAME, bundleIsCurrent } from './bundle-check.js';
import { preloadPglite } from './pglite-preload.js';
import { applyV8Settings } from './v8-settings.js';

applyV8Settings();
preloadPglite(process.argv.slice(2));

const src = new URL('../src/', import.meta.url);
let main;
if (bundleIsCurrent(src)) {
  main = await import(new URL(BUNDLE_NAME, src).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/cli/main.ts');
}
process.exitCode = await main.run(process.argv.slice(2));
