#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm install` through `prepare`): bundles the server and CLI into
 * one file, src/slotwise.bundle.mjs, so start-up loads one module instead of transpiling ~400
 * through tsx's loader (decision 018). Packages stay external (node_modules as installed).
 * bin/slotwise.js uses the bundle only while it is newer than every source file, so an edited
 * source is never shadowed by an old bundle; without a bundle it runs the sources through tsx.
 */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('build: esbuild is not installed; slotwise will run its sources through tsx (slower start-up).');
  process.exit(0);
}
const started = performance.now();
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'src/slotwise.bundle.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: '// Built by scripts/build.mjs from src/ — do not edit; delete it to run the sources.' },
});
console.log(`build: src/slotwise.bundle.mjs in ${Math.round(performance.now() - started)} ms`);
