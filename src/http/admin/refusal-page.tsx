/**
 * The page the services, staff and settings pages answer with when the use case refuses the
 * request itself: an admin-only page for a staff member (403), another member's schedule or an
 * unknown id (404 — the same page for both, so a staff member learns nothing about who exists).
 */
import type { Context } from 'hono';
import type { Refusal } from '../../app/result.ts';
import type { AppDeps } from '../deps.ts';
import { STATUS } from '../errors.ts';
import type { AdminEnv } from './auth.ts';
import { AdminLayout, adminPage, type NavKey, shellOf } from './layout.tsx';
import { refusalWords } from './refusal-words.ts';

export async function catalogRefusalPage(c: Context<AdminEnv>, deps: AppDeps, r: Refusal, current: NavKey) {
  const shell = await shellOf(c, deps);
  const w = shell.t.common.words;
  const title = r.code === 'NOT_FOUND' ? w.notFound : r.code === 'FORBIDDEN' ? w.notAllowed : w.notPossible;
  // Worded from the refusal's code and details, not the use case's English message.
  const said = refusalWords(r, shell.t);
  const text = r.code === 'NOT_FOUND' ? w.noSuchPage : r.code === 'FORBIDDEN' ? w.askAnAdmin(said) : said;
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={title} current={current}>
        <h1>{title}</h1>
        <p class="alert" role="alert">
          {text}
        </p>
        <p>
          <a href="/admin">{w.backToCalendar}</a>
        </p>
      </AdminLayout>,
    ),
    STATUS[r.code],
  );
}
