/**
 * bin/v8-settings.js (decision 037): every slotwise process runs PGlite's WebAssembly on V8's
 * baseline compiler, unless the operator chose a WebAssembly tier on the command line or in
 * NODE_OPTIONS; and bin/slotwise.js applies it before anything else loads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript (bin/ runs before any loader), no types
import { applyV8Settings } from '../bin/v8-settings.js';

function run(execArgv: string[], nodeOptions: string): string[] {
  const set: string[] = [];
  applyV8Settings(execArgv, nodeOptions, (flag: string) => set.push(flag));
  return set;
}

describe('V8 settings of a slotwise process', () => {
  it('sets Liftoff-only when nothing was chosen', () => {
    expect(run([], '')).toEqual(['--liftoff-only']);
    expect(run(['--max-old-space-size=512'], '--enable-source-maps')).toEqual(['--liftoff-only']);
  });

  it.each([
    [['--wasm-tier-up'], ''],
    [['--no-liftoff-only'], ''],
    [['--liftoff-only'], ''],
    [[], '--wasm-dynamic-tiering'],
    [[], '--max-old-space-size=512 --no-wasm-tier-up'],
  ])('leaves a tier the operator chose alone: %j, NODE_OPTIONS %j', (execArgv, nodeOptions) => {
    expect(run(execArgv, nodeOptions)).toEqual([]);
  });

  it('bin/slotwise.js applies them before it loads the app', () => {
    const bin = readFileSync(new URL('../bin/slotwise.js', import.meta.url), 'utf8');
    const applied = bin.indexOf('applyV8Settings();');
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(bin.indexOf('preloadPglite(process.argv'));
    expect(applied).toBeLessThan(bin.indexOf('await import('));
  });
});
