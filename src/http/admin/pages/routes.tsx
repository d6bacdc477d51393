/** The dashboard's pages under /admin (filled in by the dashboard work). */
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';

export function adminPages(_deps: AppDeps): Hono<AdminEnv> {
  return new Hono<AdminEnv>();
}
