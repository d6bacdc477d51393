/**
 * The page a booking page answers with when the use case refuses the request itself: another
 * member's booking or an unknown id (404, the same page for both), an admin-only action (403).
 */
import type { Context } from 'hono';
import type { Refusal } from '../../../app/result.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS } from '../../errors.ts';
import type { AdminEnv } from '../auth.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { refusalWords } from '../refusal-words.ts';

export async function refusalPage(c: Context<AdminEnv>, deps: AppDeps, r: Refusal) {
  const shell = await shellOf(c, deps);
  const w = shell.t.bookings.refusal;
  const title = r.code === 'NOT_FOUND' ? w.notFound : r.code === 'FORBIDDEN' ? w.forbidden : w.other;
  const said = refusalWords(r, shell.t);
  const text = r.code === 'NOT_FOUND' ? w.notFoundText : r.code === 'FORBIDDEN' ? w.askAdmin(said) : said;
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={title} current="bookings">
        <h1>{title}</h1>
        <p class="alert" role="alert">
          {text}
        </p>
        <p>
          <a href="/admin/bookings">{w.back}</a>
        </p>
      </AdminLayout>,
    ),
    STATUS[r.code],
  );
}
