/**
 * The dependency rule (docs/ARCHITECTURE.md): core <- app <- adapters <- main. Checked on the
 * import lines of every source file, relative and bare alike, so no alias can slip through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every module specifier a file imports or re-exports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

/** The top folder under src/ that a relative import lands in ('core', 'app', …, or a root file). */
function layerOf(file: string, spec: string): string {
  const target = relative(SRC, resolve(dirname(file), spec));
  return target.split('/')[0] as string;
}

function violations(layer: string, allowedLayers: string[], allowedPackages: RegExp): string[] {
  const out: string[] = [];
  for (const file of sources(join(SRC, layer))) {
    for (const spec of importsOf(file)) {
      const ok = spec.startsWith('.') ? allowedLayers.includes(layerOf(file, spec)) : allowedPackages.test(spec);
      if (!ok) out.push(`${relative(SRC, file)} imports ${spec}`);
    }
  }
  return out;
}

describe('dependencies point inward', () => {
  it('src/core imports only itself and the time library', () => {
    expect(violations('core', ['core'], /^temporal-polyfill$/)).toEqual([]);
  });

  it('src/app imports only core and itself (plus validation, Node crypto and address parsing)', () => {
    // node:net for isIP and BlockList alone (app/public-address.ts): parsing, no connection.
    expect(violations('app', ['core', 'app'], /^(zod|node:crypto|node:net)$/)).toEqual([]);
  });

  it('src/app takes only isIP and BlockList from node:net: address parsing, never a connection', () => {
    const taken = sources(join(SRC, 'app')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/import\s+([^;]*?)\s+from\s+['"]node:net['"]/g)].map(
        (m) => m[1] as string,
      ),
    );
    expect(taken.length).toBeGreaterThan(0);
    for (const clause of taken) {
      const names = /^\{([^}]*)\}$/
        .exec(clause.trim())?.[1]
        ?.split(',')
        .map((n) => n.trim()) ?? [clause];
      expect(
        names.every((n) => n === 'isIP' || n === 'BlockList'),
        clause,
      ).toBe(true);
    }
  });

  it('src/ical (the iCalendar adapter) imports only core, itself, its two libraries and Node timers', () => {
    expect(violations('ical', ['core', 'ical'], /^(ical\.js|windows-iana|node:timers\/promises)$/)).toEqual([]);
  });

  it('the checker itself sees a violation when there is one', () => {
    const file = join(SRC, 'core', 'x.ts');
    expect(layerOf(file, '../app/ports.ts')).toBe('app');
    expect(importsOf(fileURLToPath(import.meta.url))).toContain('node:fs');
  });
});
