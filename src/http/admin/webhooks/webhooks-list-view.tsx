/**
 * /admin/webhooks: the registered webhooks (URL, events, on or off, how the last attempt went) and
 * the form to add one. The new webhook's secret is shown on its own page, where the admin lands.
 */
import type { Webhook, WebhookDelivery } from '../../../app/dashboard/webhooks/webhook-store.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable } from '../list-table.tsx';
import type { FormErrors, WebhookFormValues } from './webhooks-input.ts';
import { DeliveryResult, type When } from './webhooks-log-view.tsx';
import { WebhookFields, webhookLabels } from './webhooks-parts.tsx';

export interface WebhookRow {
  readonly webhook: Webhook;
  /** The newest attempt, or null when nothing was sent yet. */
  readonly last: WebhookDelivery | null;
}

export interface WebhookListView {
  readonly csrf: string;
  readonly rows: readonly WebhookRow[];
  readonly when: When;
  readonly notice?: string | undefined;
  readonly values: WebhookFormValues;
  readonly errors: FormErrors;
  readonly t: DashboardMessages;
}

export function WebhookListContent(v: WebhookListView) {
  const { t } = v;
  const k = t.webhooks;
  const cols = t.webhooks.columns;
  return (
    <>
      <h1>{k.title}</h1>
      <Notice text={v.notice} />
      <p>{k.intro}</p>
      <section class="panel" aria-labelledby="list-title">
        <h2 id="list-title">{k.registered}</h2>
        <ListTable
          rows={v.rows}
          empty={k.none}
          class="webhook-list"
          columns={[cols.url, cols.events, cols.state, cols.last]}
          row={({ webhook: w, last }) => (
            <tr>
              <td>
                <a class="webhook-url" href={`/admin/webhooks/${w.id}`}>
                  {w.url}
                </a>
                {w.description ? <span class="hint webhook-description">{w.description}</span> : null}
              </td>
              <td>
                <ul class="webhook-event-list">
                  {w.events.map((e) => (
                    <li>
                      <code>{e}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <ActiveBadge active={w.active} t={t} />
              </td>
              <td>
                {last ? (
                  <>
                    <DeliveryResult delivery={last} t={t} />
                    <span class="hint webhook-when">{v.when(last.deliveredAt)}</span>
                  </>
                ) : (
                  <span class="muted">{k.nothingSent}</span>
                )}
              </td>
            </tr>
          )}
        />
      </section>

      <section class="panel" aria-labelledby="add-title">
        <h2 id="add-title">{k.add}</h2>
        <ErrorSummary errors={v.errors} labels={webhookLabels(t)} title={k.notAdded} />
        <form method="post" action="/admin/webhooks" novalidate>
          <Csrf token={v.csrf} />
          <WebhookFields values={v.values} errors={v.errors} t={t} />
          <p class="actions">
            <button type="submit" class="primary">
              {k.addButton}
            </button>
          </p>
        </form>
      </section>
    </>
  );
}

/** On or off, in words (never colour alone). */
export function ActiveBadge({ active, t }: { active: boolean; t: DashboardMessages }) {
  return active ? (
    <span class="badge badge-on">{t.webhooks.active}</span>
  ) : (
    <span class="badge badge-off">{t.webhooks.off}</span>
  );
}
