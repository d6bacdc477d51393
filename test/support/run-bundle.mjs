// Runs the start-up bundle directly (test/bundle.test.ts), whatever bin/slotwise.js would choose.
const main = await import(new URL('../../src/slotwise.bundle.mjs', import.meta.url).href);
process.exitCode = await main.run(process.argv.slice(2));
