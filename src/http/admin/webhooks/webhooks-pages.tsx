/**
 * The webhook pages (admins only): /admin/webhooks lists and adds, /admin/webhooks/:id changes,
 * rotates the secret, sends a test event, shows the delivery log and deletes. Each handler calls
 * the same use case as the JSON API (webhooks-api.ts); a change answers 303 to a page with a
 * notice (post/redirect/get), a refused form is shown again with its errors and values.
 */
import { type Context, Hono } from 'hono';
import { adminOnly } from '../../../app/dashboard/actor.ts';
import { createWebhook } from '../../../app/dashboard/webhooks/create-webhook.ts';
import { rotateWebhookSecret } from '../../../app/dashboard/webhooks/rotate-webhook-secret.ts';
import { sendTestWebhook } from '../../../app/dashboard/webhooks/send-test-webhook.ts';
import { updateWebhook } from '../../../app/dashboard/webhooks/update-webhook.ts';
import { deleteWebhook } from '../../../app/dashboard/webhooks/webhooks.ts';
import type { Refusal } from '../../../app/result.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { AdminEnv } from '../auth.ts';
import { wordsOf } from '../language.ts';
import { refusalWords } from '../refusal-words.ts';
import { type FormErrors, readWebhookForm, refusalErrors, type WebhookFormValues } from './webhooks-input.ts';
import { renderEdit, renderList, renderRefusal } from './webhooks-render.tsx';

export function webhookPages(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  // Staff may not touch webhooks at all (API.md): a 403 page, whatever the id or the form says.
  // The use cases refuse them too; this only keeps a staff member's bad form from answering 400.
  for (const path of ['/webhooks', '/webhooks/*']) {
    app.use(path, async (c, next) => {
      const forbidden = adminOnly(c.get('actor'), 'see and change webhooks');
      if (forbidden) return renderRefusal(c, deps, forbidden);
      await next();
    });
  }

  app.get('/webhooks', (c) => renderList(c, deps, { done: c.req.query('done') }));

  app.post('/webhooks', async (c) => {
    const t = await wordsOf(c, deps);
    const form = await readWebhookForm(c, t);
    if (!form.ok) return renderList(c, deps, { values: form.values, errors: form.errors }, 400);
    const r = await createWebhook(deps, c.get('actor'), form.input);
    if (r.ok) return c.redirect(`/admin/webhooks/${r.value.id}?done=created`, 303);
    return refusedForm(c, deps, r, form.values, t, (errors) =>
      renderList(c, deps, { values: form.values, errors }, 400),
    );
  });

  app.get('/webhooks/:id', (c) => {
    const done = c.req.query('done') ?? '';
    return renderEdit(c, deps, {
      done,
      showSecret: done === 'created' || done === 'rotated',
      cursor: c.req.query('cursor'),
    });
  });

  app.post('/webhooks/:id', async (c) => {
    const t = await wordsOf(c, deps);
    const form = await readWebhookForm(c, t);
    if (!form.ok) return renderEdit(c, deps, { values: form.values, errors: form.errors }, 400);
    const r = await updateWebhook(deps, c.get('actor'), c.req.param('id'), form.input);
    if (r.ok) return c.redirect(`/admin/webhooks/${r.value.id}?done=saved`, 303);
    return refusedForm(c, deps, r, form.values, t, (errors) =>
      renderEdit(c, deps, { values: form.values, errors }, 400),
    );
  });

  app.post('/webhooks/:id/rotate', async (c) => {
    const r = await rotateWebhookSecret(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.redirect(`/admin/webhooks/${r.value.id}?done=rotated`, 303) : renderRefusal(c, deps, r);
  });

  app.post('/webhooks/:id/test', async (c) => {
    const id = c.req.param('id');
    const r = await sendTestWebhook(deps, c.get('actor'), id);
    return r.ok ? c.redirect(`/admin/webhooks/${id}?done=test#log`, 303) : renderRefusal(c, deps, r);
  });

  app.post('/webhooks/:id/delete', async (c) => {
    const r = await deleteWebhook(deps, c.get('actor'), c.req.param('id'));
    return r.ok ? c.redirect('/admin/webhooks?done=deleted', 303) : renderRefusal(c, deps, r);
  });

  return app;
}

/** A use case's refusal of a form: the form again with its errors, or the 403/404 page. */
function refusedForm(
  c: Context<AdminEnv>,
  deps: AppDeps,
  r: Refusal,
  values: WebhookFormValues,
  t: DashboardMessages,
  again: (errors: FormErrors) => Promise<Response>,
): Promise<Response> {
  if (r.code !== 'VALIDATION_FAILED' && r.code !== 'URL_NOT_ALLOWED') return renderRefusal(c, deps, r);
  return again(refusalErrors(r.details?.fields, values, refusalWords(r, t), t));
}
