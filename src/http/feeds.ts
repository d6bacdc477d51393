/** Public calendar feeds: GET /feeds/<token>.ics (filled in by the dashboard work). */
import { Hono } from 'hono';
import type { AppDeps } from './deps.ts';

export function feedRoutes(_deps: AppDeps): Hono {
  return new Hono();
}
