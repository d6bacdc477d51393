/**
 * The set-up every browser test file shares (issue 17): before the file, a server (the demo studio
 * in-process unless the file starts its own) and the browser; a session (its own context) per
 * test; after the file, the axe log, and nothing may be left wrong: no problem in any session's
 * console, no error line in the server's log.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type DemoServer, launchBrowser, openSession, printAxeLog, type Session, startDemoServer } from './browser.ts';

export type SessionOptions = NonNullable<Parameters<typeof openSession>[3]>;

export interface BrowserSuite {
  /** The server under test (set once the file's set-up ran). */
  readonly server: DemoServer;
  readonly browser: Browser;
  /** A new session on the server, whose console problems fail the file at its end. */
  open(test: string, opts?: SessionOptions): Promise<Session>;
}

/**
 * Registers the file's set-up and tear-down; call it inside the file's describeBrowser. `start`
 * replaces the in-process demo server (e.g. with `slotwise serve --demo` in a child process).
 */
export function useBrowserSuite(opts: { start?: () => Promise<DemoServer> } = {}): BrowserSuite {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser suite has no ${what} (its set-up failed?)`);
    return value;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([(opts.start ?? startDemoServer)(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    printAxeLog();
    for (const s of sessions) expect(s.problems, 'browser console').toEqual([]);
    await browser?.close();
    await server?.close();
    expect(server?.lines.filter((l) => l.startsWith('error')) ?? [], 'server log').toEqual([]);
  });

  return {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async open(test, sessionOpts = {}) {
      const s = await openSession(ready(browser, 'browser'), ready(server, 'server'), test, sessionOpts);
      sessions.push(s);
      return s;
    },
  };
}

/** Signs in on the dashboard's sign-in page (its `next` if given) and waits to land on `landing`. */
export async function signInAs(
  s: Session,
  email: string,
  password: string,
  { next, landing = /\/admin$/ }: { next?: string; landing?: RegExp } = {},
): Promise<Session> {
  const { page } = s;
  await page.goto(next ? `/admin/sign-in?next=${next}` : '/admin/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(landing);
  return s;
}
