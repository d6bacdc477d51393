/**
 * The source files the dashboard runs (src/http/admin and everything it imports, transitively,
 * by relative import; the catalogues left out), for tests that check every refusal code and every
 * field message those files can produce has words in each language.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

export function dashboardSources(): Set<string> {
  const seen = new Set<string>();
  const queue = sources(join(SRC, 'http/admin'));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const path = resolve(dirname(file), spec ?? '');
      if (existsSync(path) && !path.includes('/i18n/')) queue.push(path);
    }
  }
  return seen;
}
