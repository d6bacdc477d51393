// Runs the start-up bundle with every module URL it loads recorded (test/lazy-imports.test.ts):
// resolve hooks (module.register) post each resolved URL here; at exit the set of packages under
// node_modules goes to RECORD_PACKAGES_TO as JSON.
import { writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const packages = new Set();
port1.on('message', (url) => {
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (m) packages.add(m[1]);
});
port1.unref();
register(new URL('record-packages-hooks.mjs', import.meta.url), { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => writeFileSync(process.env.RECORD_PACKAGES_TO, JSON.stringify([...packages].sort())));
const main = await import(new URL('../../src/slotwise.bundle.mjs', import.meta.url).href);
process.exitCode = await main.run(process.argv.slice(2));
