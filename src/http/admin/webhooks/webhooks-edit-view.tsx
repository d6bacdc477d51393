/**
 * /admin/webhooks/:id: change the webhook, see (and rotate) its signing secret, send a test event,
 * read the delivery log, delete it. Every button is a small form of its own, so it all works
 * without script; each form carries the CSRF token.
 */
import type { Webhook } from '../../../app/dashboard/webhooks/webhook-store.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import type { FormErrors, WebhookFormValues } from './webhooks-input.ts';
import { ActiveBadge } from './webhooks-list-view.tsx';
import { DeliveryLog, type DeliveryLogView } from './webhooks-log-view.tsx';
import { SigningHelp, WebhookFields, webhookLabels } from './webhooks-parts.tsx';

export interface WebhookEditView {
  readonly csrf: string;
  readonly webhook: Webhook;
  readonly notice?: string | undefined;
  /** Open the secret (just made or rotated). */
  readonly showSecret: boolean;
  readonly values: WebhookFormValues;
  readonly errors: FormErrors;
  readonly log: DeliveryLogView;
  readonly created: string;
  readonly t: DashboardMessages;
}

export function WebhookEditContent(v: WebhookEditView) {
  const w = v.webhook;
  const action = `/admin/webhooks/${w.id}`;
  const { t } = v;
  const k = t.webhooks.edit;
  return (
    <>
      <p class="crumbs">
        <a href="/admin/webhooks">{t.webhooks.title}</a> › {k.crumb}
      </p>
      <h1>{w.description ? k.named(w.description) : k.toHost(hostOf(w.url))}</h1>
      <Notice text={v.notice} />
      {/* At the top, not by the form further down: a refused save must be seen at once. */}
      <ErrorSummary errors={v.errors} labels={webhookLabels(t)} title={k.notSaved} />
      <p class="webhook-summary">
        <code class="webhook-url">{w.url}</code> <ActiveBadge active={w.active} t={t} />{' '}
        <span class="muted">{k.added(v.created)}</span>
      </p>

      <section class="panel" aria-labelledby="secret-title">
        <h2 id="secret-title">{k.secret}</h2>
        <p>
          {k.secretIntro} <a href="#verify">{k.howToCheck}</a>. {k.secretKeep}
        </p>
        <details class="webhook-secret" open={v.showSecret}>
          <summary>{k.showSecret}</summary>
          <code class="secret">{w.secret}</code>
        </details>
        <form method="post" action={`${action}/rotate`}>
          <Csrf token={v.csrf} />
          <p id="rotate-warning">{k.rotateWarning}</p>
          <button type="submit" class="secondary" aria-describedby="rotate-warning">
            {k.rotate}
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="test-title">
        <h2 id="test-title">{k.test}</h2>
        <form method="post" action={`${action}/test`}>
          <Csrf token={v.csrf} />
          <p id="test-help">
            {k.testHelpStart} <code>ping</code> {k.testHelpEnd}
          </p>
          <button type="submit" class="primary" aria-describedby="test-help">
            {k.test}
          </button>
        </form>
      </section>

      <DeliveryLog {...v.log} t={t} />

      <section class="panel" aria-labelledby="edit-title">
        <h2 id="edit-title">{k.change}</h2>
        <form method="post" action={action} novalidate>
          <Csrf token={v.csrf} />
          <WebhookFields values={v.values} errors={v.errors} t={t} />
          <p class="actions">
            <button type="submit" class="primary">
              {k.save}
            </button>
          </p>
        </form>
      </section>

      <SigningHelp t={t} />

      <section class="panel danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">{k.delete}</h2>
        <form method="post" action={`${action}/delete`}>
          <Csrf token={v.csrf} />
          <p id="delete-warning">{k.deleteWarning}</p>
          <button type="submit" class="danger" aria-describedby="delete-warning">
            {k.deleteButton}
          </button>
        </form>
      </section>
    </>
  );
}

/** "example.com" from a stored URL (valid by the use case's rule; the whole URL if not). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
