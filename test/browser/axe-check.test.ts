/**
 * The browser tests' axe check (test/support/axe.ts) still catches violations: on a page without
 * frames (axe.run in the page, reporting only violations in full) it finds what AxeBuilder finds,
 * and on a page with a frame (AxeBuilder) it reaches into the frame. No server: the pages are
 * set as content.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AXE_TAGS, runAxe } from '../support/axe.ts';
import { describeBrowser, launchBrowser } from '../support/browser.ts';

const BROKEN = '<img src="data:," width="10" height="10"><button></button><a href="#x"></a>';
const page = (body: string) => `<!doctype html><html lang="en"><title>t</title><main>${body}</main></html>`;

const ids = (violations: { id: string }[]) => violations.map((v) => v.id).sort();

describeBrowser('axe check', () => {
  let browser: Browser;
  let tab: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    tab = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds on a page without frames what AxeBuilder finds, every node of each violation', async () => {
    await tab.setContent(page(BROKEN));
    const ours = await runAxe(tab);
    const builder = await new AxeBuilder({ page: tab }).withTags(AXE_TAGS).analyze();
    expect(ids(ours.violations)).toEqual(['button-name', 'image-alt', 'link-name']);
    expect(ids(ours.violations)).toEqual(ids(builder.violations));
    await tab.setContent(page(`${BROKEN}${BROKEN}`));
    const twice = await runAxe(tab);
    expect(twice.violations.map((v) => v.nodes.length)).toEqual([2, 2, 2]);
  });

  it('finds nothing on a clean page', async () => {
    await tab.setContent(page('<h1>Fine</h1><p>Nothing wrong here.</p>'));
    expect((await runAxe(tab)).violations).toEqual([]);
  });

  it('reaches into a frame', async () => {
    await tab.setContent(
      page(`<iframe title="inner" srcdoc='${page('<img src="data:," width="9" height="9">')}'></iframe>`),
    );
    await tab.frameLocator('iframe').locator('img').waitFor();
    expect(ids((await runAxe(tab)).violations)).toEqual(['image-alt']);
  });
});
