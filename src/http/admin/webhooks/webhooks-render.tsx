/**
 * Rendering the webhook pages from the use cases' answers: the list, one webhook with a page of
 * its delivery log, and the small pages for a refusal (403 for staff, 404 for an unknown id).
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listWebhookDeliveries } from '../../../app/dashboard/webhooks/webhook-deliveries.ts';
import { getWebhook, listWebhooks } from '../../../app/dashboard/webhooks/webhooks.ts';
import { getBusiness } from '../../../app/get-business.ts';
import type { Refusal } from '../../../app/result.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { preciseMoment } from '../../../i18n/format.ts';
import type { AppDeps } from '../../deps.ts';
import { STATUS } from '../../errors.ts';
import type { AdminEnv } from '../auth.ts';
import { own, wordsOf } from '../language.ts';
import { AdminLayout, adminPage, shellOf } from '../layout.tsx';
import { refusalWords } from '../refusal-words.ts';
import { deliveriesQuery } from './webhooks-api.ts';
import { WebhookEditContent } from './webhooks-edit-view.tsx';
import type { FormErrors, WebhookFormValues } from './webhooks-input.ts';
import { WebhookListContent } from './webhooks-list-view.tsx';
import type { When } from './webhooks-log-view.tsx';
import { NEW_WEBHOOK } from './webhooks-parts.tsx';

/** Attempts per page of the delivery log. */
export const LOG_PAGE = 20;

interface FormState {
  /** A `?done=` key: the notice after a change (t.webhooks.done). */
  readonly done?: string | undefined;
  readonly values?: WebhookFormValues;
  readonly errors?: FormErrors;
}

async function frame(
  c: Context<AdminEnv>,
  deps: AppDeps,
  title: (t: DashboardMessages) => string,
  body: (t: DashboardMessages) => Child,
  status: ContentfulStatusCode,
) {
  const shell = await shellOf(c, deps);
  return c.html(
    adminPage(
      <AdminLayout {...shell} title={title(shell.t)} current={shell.actor?.role === 'admin' ? 'webhooks' : null}>
        {body(shell.t)}
      </AdminLayout>,
    ),
    status,
  );
}

/** Instants in the business zone, written in the dashboard's language. */
async function clock(deps: AppDeps, intlLocale: string): Promise<{ when: When; timezone: string }> {
  const { timezone } = await getBusiness(deps);
  return { when: (at) => preciseMoment(at, timezone, intlLocale), timezone };
}

export async function renderList(
  c: Context<AdminEnv>,
  deps: AppDeps,
  s: FormState,
  status: ContentfulStatusCode = 200,
) {
  const actor = c.get('actor');
  const listed = await listWebhooks(deps, actor);
  if (!listed.ok) return renderRefusal(c, deps, listed);
  // One small query per webhook for its newest attempt: an admin has a handful of webhooks.
  const rows = await Promise.all(
    listed.value.map(async (webhook) => {
      const page = await listWebhookDeliveries(deps, actor, { webhookId: webhook.id, cursor: null, limit: 1 });
      return { webhook, last: page.ok ? (page.value.deliveries[0] ?? null) : null };
    }),
  );
  const t = await wordsOf(c, deps);
  const { when } = await clock(deps, t.common.intlLocale);
  const body = (t: DashboardMessages) => (
    <WebhookListContent
      csrf={c.get('csrf')}
      rows={rows}
      when={when}
      notice={s.done === 'deleted' ? t.webhooks.done.deleted : undefined}
      values={s.values ?? NEW_WEBHOOK}
      errors={s.errors ?? {}}
      t={t}
    />
  );
  return frame(c, deps, (t) => t.webhooks.title, body, status);
}

export async function renderEdit(
  c: Context<AdminEnv>,
  deps: AppDeps,
  s: FormState & { showSecret?: boolean; cursor?: string | undefined },
  status: ContentfulStatusCode = 200,
) {
  const actor = c.get('actor');
  const id = c.req.param('id') ?? '';
  const found = await getWebhook(deps, actor, id);
  if (!found.ok) return renderRefusal(c, deps, found);
  const w = found.value;
  // A cursor that is not one of ours shows the newest page rather than an error.
  const asked = deliveriesQuery.safeParse({ cursor: s.cursor });
  const cursor = asked.success ? (asked.data.cursor ?? null) : null;
  const page = await listWebhookDeliveries(deps, actor, { webhookId: id, cursor, limit: LOG_PAGE });
  if (!page.ok) return renderRefusal(c, deps, page);
  const t = await wordsOf(c, deps);
  const { when, timezone } = await clock(deps, t.common.intlLocale);
  const body = (t: DashboardMessages) => (
    <WebhookEditContent
      csrf={c.get('csrf')}
      webhook={w}
      notice={s.done !== undefined && own(t.webhooks.done, s.done) ? t.webhooks.done[s.done] : undefined}
      t={t}
      showSecret={s.showSecret ?? false}
      values={s.values ?? { url: w.url, events: w.events, description: w.description, active: w.active }}
      errors={s.errors ?? {}}
      created={when(w.createdAt)}
      log={{ webhookId: w.id, ...page.value, paged: cursor !== null, when, timezone }}
    />
  );
  return frame(c, deps, (t) => t.webhooks.webhook, body, status);
}

/** The page for a refusal that is not about a form field: not allowed (403) or no such webhook (404). */
export function renderRefusal(c: Context<AdminEnv>, deps: AppDeps, r: Refusal) {
  const forbidden = r.code === 'FORBIDDEN';
  const body = (t: DashboardMessages) => {
    const k = t.webhooks.refusal;
    return forbidden ? (
      <>
        <h1>{k.forbidden}</h1>
        <p>{k.forbiddenText}</p>
        <p>
          <a href="/admin">{k.backToCalendar}</a>
        </p>
      </>
    ) : r.code === 'NOT_FOUND' ? (
      <>
        <h1>{k.notFound}</h1>
        <p>{k.notFoundText}</p>
        <p>
          <a href="/admin/webhooks">{k.all}</a>
        </p>
      </>
    ) : (
      <>
        <h1>{k.failed}</h1>
        <p>{refusalWords(r, t)}</p>
        <p>
          <a href="/admin/webhooks">{k.all}</a>
        </p>
      </>
    );
  };
  const title = (t: DashboardMessages) =>
    forbidden ? t.webhooks.refusal.forbidden : r.code === 'NOT_FOUND' ? t.webhooks.refusal.notFound : t.webhooks.title;
  return frame(c, deps, title, body, STATUS[r.code]);
}
