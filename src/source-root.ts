/**
 * The `src/` directory as a URL, for the few files read at run time (migrations, page assets).
 * This module sits in `src/` itself, as does the start-up bundle (scripts/build.mjs writes
 * `src/slotwise.bundle.mjs`), so the URL is right whether the sources or the bundle run.
 */
export const SRC = new URL('./', import.meta.url);
