/**
 * /admin/webhooks: the registered webhooks (URL, events, on or off, how the last attempt went) and
 * the form to add one. The new webhook's secret is shown on its own page, where the admin lands.
 */
import type { Webhook, WebhookDelivery } from '../../../app/dashboard/webhooks/webhook-store.ts';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable } from '../list-table.tsx';
import type { FormErrors, WebhookFormValues } from './webhooks-input.ts';
import { DeliveryResult, type When } from './webhooks-log-view.tsx';
import { WEBHOOK_LABELS, WebhookFields } from './webhooks-parts.tsx';

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
}

export function WebhookListContent(v: WebhookListView) {
  return (
    <>
      <h1>Webhooks</h1>
      <Notice text={v.notice} />
      <p>
        Slotwise tells other systems when a booking is confirmed, moved, cancelled or paid by sending a signed POST to
        each webhook's URL. Every attempt is kept in the webhook's delivery log.
      </p>
      <section class="panel" aria-labelledby="list-title">
        <h2 id="list-title">Registered webhooks</h2>
        <ListTable
          rows={v.rows}
          empty="No webhooks yet: add one below."
          class="webhook-list"
          columns={['URL', 'Events', 'State', 'Last delivery']}
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
                <ActiveBadge active={w.active} />
              </td>
              <td>
                {last ? (
                  <>
                    <DeliveryResult delivery={last} />
                    <span class="hint webhook-when">{v.when(last.deliveredAt)}</span>
                  </>
                ) : (
                  <span class="muted">Nothing sent yet</span>
                )}
              </td>
            </tr>
          )}
        />
      </section>

      <section class="panel" aria-labelledby="add-title">
        <h2 id="add-title">Add a webhook</h2>
        <ErrorSummary errors={v.errors} labels={WEBHOOK_LABELS} title="Could not add the webhook" />
        <form method="post" action="/admin/webhooks" novalidate>
          <Csrf token={v.csrf} />
          <WebhookFields values={v.values} errors={v.errors} />
          <p class="actions">
            <button type="submit" class="primary">
              Add webhook
            </button>
          </p>
        </form>
      </section>
    </>
  );
}

/** On or off, in words (never colour alone). */
export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <span class="badge badge-on">Active</span> : <span class="badge badge-off">Off</span>;
}
