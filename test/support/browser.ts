/**
 * Real-browser tests of the public pages: the demo server started in-process on a fresh data
 * directory (real clock: the demo is seeded relative to now), headless Chromium through
 * playwright-core, and axe-core's WCAG 2.2 AA rules on every page visited (axe.ts). Screenshots of
 * the steps go to test-output/browser/<test>/ with SCREENSHOTS=1 (each costs ~0.1 s and nothing
 * asserts on them), and of the page as it was whenever a test fails. Without a Chromium binary the
 * suites are skipped visibly, with one line saying how to enable them. browser-suite.ts is the
 * set-up every browser test file shares.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { describe, expect, inject, it, onTestFailed } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openRuntime, type Runtime, startServer } from '../../src/main.ts';
import { runAxe } from './axe.ts';
import { CHROMIUM_PATH, LAUNCH } from './chromium.ts';

export { CHROMIUM_PATH };

import { seedDataDir } from './templates.ts';

const found = existsSync(CHROMIUM_PATH);
const SKIPPED = `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;

/** `describe` when Chromium is there; otherwise one skipped test whose title says how to enable the suite. */
export function describeBrowser(name: string, body: () => void): void {
  if (found) {
    // A browser flow with its screenshots and axe runs takes seconds, more on a busy machine.
    describe(name, { timeout: 120_000 }, body);
    return;
  }
  console.log(SKIPPED);
  describe(name, () => it.skip(SKIPPED, () => {}));
}

export const DESKTOP = { width: 1280, height: 900 } as const;
const SCREENSHOTS = process.env.SCREENSHOTS === '1';
export const MOBILE = { width: 360, height: 780 } as const;

export interface DemoServer {
  readonly url: string;
  /** What the server logged; a line starting with "error" is a failure. */
  readonly lines: string[];
  close(): Promise<void>;
}

/** A demo server in this process: its runtime is there to arrange things behind the pages' back. */
export interface InProcessServer extends DemoServer {
  readonly runtime: Runtime;
}

/**
 * The demo studio on a fresh temporary data directory (the migrated template: templates.ts), on a
 * free port. `env` adds to the server's environment (e.g. ALLOW_PRIVATE_URLS=1 for a webhook
 * receiver on 127.0.0.1).
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<InProcessServer> {
  const dir = seedDataDir(mkdtempSync(join(tmpdir(), 'slotwise-browser-')));
  const config = loadConfig({ SLOTWISE_DATA_DIR: dir, PORT: '0', RATE_LIMIT_PER_IP: '0', ...env }, {});
  if (!config.ok) throw new Error(config.problems.join('\n'));
  const rt = await openRuntime(config.config);
  const lines: string[] = [];
  const served = await startServer(rt, { demo: true, log: (l) => lines.push(l) });
  return {
    url: served.url,
    lines,
    runtime: rt,
    async close() {
      await served.close();
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The run's Chromium (chromium.ts), or one of its own outside a run that started one; close() lets it go. */
export function launchBrowser(): Promise<Browser> {
  let endpoint: string | null = null;
  try {
    endpoint = inject('chromiumEndpoint') ?? null;
  } catch {
    // Not inside a Vitest worker.
  }
  return endpoint ? chromium.connect(endpoint) : chromium.launch(LAUNCH);
}

export interface Session {
  readonly page: Page;
  readonly context: BrowserContext;
  /** With SCREENSHOTS=1, saves test-output/browser/<test>/<nn-step>.png (the whole page, at the session's viewport). */
  shot(step: string): Promise<void>;
  /** Runs axe on the page as it is now and fails on any violation; logs one line. */
  axe(label?: string): Promise<void>;
  /** Uncaught script errors and console errors seen so far. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** One line per page checked (path, violations), printed by `printAxeLog` at the end of a file. */
const axeLog: string[] = [];

export function printAxeLog(): void {
  if (axeLog.length > 0) console.log(axeLog.splice(0).join('\n'));
}

export async function openSession(
  browser: Browser,
  server: DemoServer,
  test: string,
  opts: {
    viewport?: { width: number; height: number };
    timezoneId?: string;
    locale?: string;
    javaScriptEnabled?: boolean;
  } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: opts.viewport ?? DESKTOP,
    timezoneId: opts.timezoneId ?? 'Europe/Lisbon',
    locale: opts.locale ?? 'en-GB',
    reducedMotion: 'reduce',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (msg) => {
    // A page answered with a 4xx on purpose (a form sent back) is logged by Chromium as a failed load.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${msg.text()}`);
    }
  });
  const dir = join('test-output', 'browser', test);
  rmSync(dir, { recursive: true, force: true });
  let n = 0;
  let last = 'start';
  const save = async (name: string) => {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  };
  try {
    // The page as the failure left it, next to the last step reached (the session may be closed by then).
    onTestFailed(() => save(`failed-after-${last}`).catch(() => {}));
  } catch {
    // Opened outside a test (a hook): no test to watch.
  }
  return {
    page,
    context,
    problems,
    async shot(step) {
      n += 1;
      last = `${String(n).padStart(2, '0')}-${step}`;
      if (SCREENSHOTS) await save(last);
    },
    async axe(label = '') {
      const results = await runAxe(page);
      const url = new URL(page.url());
      const lang = await page.locator('html').getAttribute('lang');
      axeLog.push(
        `axe: ${results.violations.length} violations  ${lang ?? '?'}  ${url.pathname}${url.search}${label ? `  (${label})` : ''}`,
      );
      const found = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
      // Soft: the flow goes on, so one run lists every page's violations.
      expect.soft(found, `axe on ${url.pathname}${label ? ` (${label})` : ''}`).toEqual([]);
    },
    async close() {
      await context.close();
    },
  };
}

/** The text of the element that has the keyboard focus, and what it is. */
export async function focused(page: Page): Promise<{ tag: string; text: string; name: string; inGrid: boolean }> {
  return page.evaluate<{ tag: string; text: string; name: string; inGrid: boolean }>(`(() => {
    const el = document.activeElement;
    return {
      tag: el ? el.tagName.toLowerCase() : '',
      text: el ? (el.textContent || '').trim() : '',
      name: el ? el.getAttribute('aria-label') || el.getAttribute('name') || '' : '',
      inGrid: !!(el && el.closest('[data-calendar]')),
    };
  })()`);
}

/** Presses Tab until `test` accepts the focused element (at most `max` times). */
export async function tabUntil(
  page: Page,
  test: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 40,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached the wanted element; last: ${JSON.stringify(await focused(page))}`);
}

export interface Mail {
  readonly id: string;
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sentAt: string;
}

/** Polls the dev mailbox (the job worker sends within about a second) for a message to `to`. */
export async function waitForMail(
  server: DemoServer,
  to: string,
  match: (m: Mail) => boolean,
  timeoutMs = 10_000,
): Promise<Mail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${server.url}/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`);
    const { messages } = (await res.json()) as { messages: Mail[] };
    const hit = messages.find(match);
    if (hit) return hit;
    if (Date.now() > until) {
      throw new Error(`no matching mail to ${to}; got: ${messages.map((m) => m.subject).join(' | ') || 'nothing'}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The first link to `path` (e.g. "/manage/") in an email's text. */
export function linkIn(mail: Mail, server: DemoServer, path: string): string {
  const escaped = `${server.url}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const hit = new RegExp(`${escaped}[A-Za-z0-9_\\-/.?=&%]*`).exec(mail.text)?.[0];
  if (!hit) throw new Error(`no ${path} link in "${mail.subject}":\n${mail.text}`);
  return hit;
}

/** The text of an element as rendered: what the visitor reads (CSS applied, hidden parts left out). */
export function shown(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, not the DOM property: the rendered text is what the tests assert
  return locator.innerText();
}

/** "2026-12" → the month after it. */
export const nextMonth = (month: string): string => {
  const d = new Date(`${month}-15T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
};

/** The free days of the calendar shown (links), in order. */
export function freeDays(page: Page): Locator {
  return page.locator('[data-calendar] a[data-date]');
}

/** Clicks the first free day of the calendar, moving to the next month when this one has none. */
export async function clickFirstFreeDay(page: Page): Promise<string> {
  for (let i = 0; i < 3; i++) {
    const day = freeDays(page).first();
    if ((await day.count()) > 0) {
      const date = (await day.getAttribute('data-date')) ?? '';
      await day.click();
      await page.waitForURL((u) => u.searchParams.get('date') === date && u.hash === '#times');
      return date;
    }
    await page.locator('[data-month="next"]').click();
    await page.waitForLoadState();
  }
  throw new Error('no free day in the next three months');
}

/** Clicks the free day `date` (or, with `not`, the first free day but that one), paging months forward if need be. */
export async function clickDay(page: Page, want: { date?: string; not?: string | null }): Promise<string> {
  for (let i = 0; i < 3; i++) {
    for (const day of await freeDays(page).all()) {
      const date = (await day.getAttribute('data-date')) ?? '';
      if (want.date ? date === want.date : date !== want.not) {
        await day.click();
        await page.waitForURL((u) => u.searchParams.get('date') === date && u.hash === '#times');
        return date;
      }
    }
    await page.locator('[data-month="next"]').click();
    await page.waitForLoadState();
  }
  throw new Error(`no such free day in the next three months: ${JSON.stringify(want)}`);
}

/** The time choices shown for the chosen day, as the visitor reads them ("09:00"). */
export async function shownTimes(page: Page): Promise<string[]> {
  const labels = await page.locator('[data-times] .slot > span').allInnerTexts();
  return labels.map((l) => l.split('\n')[0]?.trim() ?? '');
}
