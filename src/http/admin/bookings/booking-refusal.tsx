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

const TITLES: Partial<Record<Refusal['code'], string>> = {
  NOT_FOUND: 'Not found',
  FORBIDDEN: 'Not allowed',
};

export async function refusalPage(c: Context<AdminEnv>, deps: AppDeps, r: Refusal) {
  const shell = await shellOf(c, deps);
  const title = TITLES[r.code] ?? 'Not possible';
  const text =
    r.code === 'NOT_FOUND'
      ? 'There is no such booking or staff member, or it is not one you can see.'
      : r.code === 'FORBIDDEN'
        ? `${r.message} Ask an admin.`
        : r.message;
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={title} current="bookings">
        <h1>{title}</h1>
        <p class="alert" role="alert">
          {text}
        </p>
        <p>
          <a href="/admin/bookings">Back to the bookings</a>
        </p>
      </AdminLayout>,
    ),
    STATUS[r.code],
  );
}
