/**
 * The first-visit zone script (assets/first-zone.js), inlined at the end of each public page so
 * it runs before the first paint — an external script could be fetched after it (decision 028).
 * The page's CSP allows exactly this text by its hash; no other inline script runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SRC } from '../../source-root.ts';

const file = readFileSync(new URL('http/assets/first-zone.js', SRC), 'utf8');
/** The code without its leading comment block (sent on every page). */
export const FIRST_ZONE_JS = file.slice(file.indexOf('(() => {')).trim();
export const FIRST_ZONE_HASH = `'sha256-${createHash('sha256').update(FIRST_ZONE_JS).digest('base64')}'`;
