// Whether the start-up bundle (src/slotwise.bundle.mjs, built by scripts/build.mjs) may run:
// it exists and is at least as new as every other file under src/. Plain JavaScript, so the
// check itself needs no loader.
import { readdirSync, statSync } from 'node:fs';

export const BUNDLE_NAME = 'slotwise.bundle.mjs';

/** The newest modification time under `dir` (ms), leaving out `skip`. */
function newestUnder(dir, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(url, skip));
    else if (url.href !== skip.href) newest = Math.max(newest, statSync(url).mtimeMs);
  }
  return newest;
}

/** `src` is the sources directory as a URL ending in "/". */
export function bundleIsCurrent(src, env = process.env) {
  if (env.SLOTWISE_FROM_SOURCE === '1') return false;
  const bundle = new URL(BUNDLE_NAME, src);
  try {
    return statSync(bundle).mtimeMs >= newestUnder(src, bundle);
  } catch {
    return false; // no bundle: not built, or removed
  }
}
