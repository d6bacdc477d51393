/**
 * A fresh `npm install` asks the newcomer nothing: every dependency that ships an install script
 * is listed in package.json's `allowScripts` (npm 11.16+ warns about the rest, npm 12 blocks
 * them). The build needs esbuild's; @scarf/scarf's is telemetry and stays denied.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

describe('install scripts', () => {
  const pkg = read('package.json') as { allowScripts?: Record<string, boolean> };
  const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
  const withScripts = Object.entries(lock.packages)
    .filter(([, p]) => p.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));

  it('every package with an install script is allowed or denied in package.json', () => {
    expect(withScripts.length).toBeGreaterThan(0);
    const undecided = withScripts.filter((name) => typeof pkg.allowScripts?.[name] !== 'boolean');
    expect(undecided).toEqual([]);
  });

  it('the build tool may run its script; telemetry may not', () => {
    expect(pkg.allowScripts?.esbuild).toBe(true);
    expect(pkg.allowScripts?.['@scarf/scarf']).toBe(false);
  });
});
