/**
 * One headless Chromium for the run's browser tests (vitest.config.ts: the browser project's
 * global set-up). Each test file connects to it and works in contexts of its own (cookies,
 * storage and pages apart), instead of launching and closing a Chromium per file. Without the
 * set-up (a script, or Chromium missing) launchBrowser() in browser.ts launches one as before.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from 'playwright-core';
import type { TestProject } from 'vitest/node';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The ws:// endpoint of the run's Chromium, or null when there is none. */
    chromiumEndpoint: string | null;
  }
}

export const LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = existsSync(CHROMIUM_PATH) ? await chromium.launchServer(LAUNCH) : null;
  project.provide('chromiumEndpoint', server?.wsEndpoint() ?? null);
  return async () => {
    await server?.close();
  };
}
