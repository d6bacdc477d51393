import axe from 'axe-core';
import { it } from 'vitest';
import { AXE_TAGS } from './support/axe.ts';
import { launchBrowser, startDemoServer } from './support/browser.ts';

it('bench', async () => {
  const [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const t = () => performance.now();
  const RUN = `axe.run(document, ${JSON.stringify({ runOnly: { type: 'tag', values: AXE_TAGS } })})`;
  for (const path of ['/', '/book/portrait-session', '/my-bookings', '/', '/book/portrait-session']) {
    let a = t();
    await page.goto(path);
    const g = t() - a;
    a = t();
    await page.evaluate(axe.source);
    const inj = t() - a;
    a = t();
    await page.evaluate(RUN);
    const run1 = t() - a;
    a = t();
    await page.evaluate(RUN);
    const run2 = t() - a;
    console.log(
      path,
      'goto',
      g.toFixed(0),
      'inject',
      inj.toFixed(0),
      'run',
      run1.toFixed(0),
      'run again',
      run2.toFixed(0),
    );
  }
  const c2 = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  await c2.addInitScript(axe.source);
  const p2 = await c2.newPage();
  for (const path of ['/', '/book/portrait-session', '/my-bookings', '/', '/book/portrait-session']) {
    let a = t();
    await p2.goto(path);
    const g = t() - a;
    a = t();
    await p2.evaluate(RUN);
    const run1 = t() - a;
    console.log(path, 'initscript goto', g.toFixed(0), 'run', run1.toFixed(0));
  }
  await browser.close();
  await server.close();
}, 120000);
