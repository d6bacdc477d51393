/**
 * The routes the fuzzer must cover, read from the app itself (built with every optional part:
 * dev outbox, demo gateway), and the one file that fuzzes each: a route added later falls into an
 * area by its prefix and fails that file's coverage check until it has been sent requests.
 */
import type { DevMailbox, Store } from '../../src/app/ports.ts';
import { createApp } from '../../src/http/app.ts';
import { testOutbound } from '../support/outbound.ts';

export interface Route {
  readonly method: string;
  readonly path: string;
}

export type Area = 'public-api' | 'dashboard-api' | 'pages' | 'admin-pages';

export const routeKey = (r: Route) => `${r.method} ${r.path}`;

/** Every concrete route of a fully equipped app (middleware-only `ALL` entries left out). */
export function appRoutes(): Route[] {
  const app = createApp({
    outbound: testOutbound(),
    store: {} as Store,
    clock: { now: () => 0 },
    secret: 's'.repeat(40),
    publicUrl: 'http://127.0.0.1:3000',
    devMailbox: {} as DevMailbox,
    demoGateway: true,
    jobsQueued: () => {},
    logError: () => {},
  });
  const seen = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    seen.set(routeKey(r), { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

export function areaOf(r: Route): Area {
  if (r.path.startsWith('/api/v1/admin')) return 'dashboard-api';
  if (r.path.startsWith('/api/')) return 'public-api';
  if (r.path.startsWith('/admin')) return 'admin-pages';
  return 'pages';
}

export function routesOf(area: Area): Route[] {
  return appRoutes().filter((r) => areaOf(r) === area);
}

/** Whether a concrete path (no query) is an instance of a route's path pattern. */
export function matches(route: Route, path: string): boolean {
  const pattern = route.path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}$`).test(path);
}
