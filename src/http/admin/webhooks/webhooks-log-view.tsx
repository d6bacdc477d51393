/**
 * A webhook's delivery log: one row per attempt, newest first, a page at a time (the use case's
 * cursor in `?cursor=`). Success and failure are said in words and a sign, not colour alone.
 */
import type { WebhookDelivery } from '../../../app/dashboard/webhooks/webhook-store.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { ListTable } from '../list-table.tsx';
import { deliveryErrorWords } from './delivery-error-words.ts';

/** An instant as the business reads it ("26 Mar 2027, 12:00:05"). */
export type When = (at: number) => string;

export interface DeliveryLogView {
  readonly webhookId: string;
  readonly deliveries: readonly WebhookDelivery[];
  readonly nextCursor: string | null;
  /** True when showing an older page (a link back to the newest is offered). */
  readonly paged: boolean;
  readonly when: When;
  readonly timezone: string;
}

export function DeliveryResult({ delivery: d, t }: { delivery: WebhookDelivery; t: DashboardMessages }) {
  return d.error === null ? (
    <span class="delivery-ok">
      ✓ {t.webhooks.log.delivered}
      {d.statusCode === null ? '' : ` (HTTP ${d.statusCode})`}
    </span>
  ) : (
    <span class="delivery-failed">✗ {t.webhooks.log.failed(deliveryErrorWords(d.error, t))}</span>
  );
}

export function DeliveryLog(v: DeliveryLogView & { t: DashboardMessages }) {
  const base = `/admin/webhooks/${v.webhookId}`;
  const { t } = v;
  const k = t.webhooks.log;
  const cols = t.webhooks.log.columns;
  return (
    <section class="panel" id="log" aria-labelledby="log-title">
      <h2 id="log-title">{k.title}</h2>
      <ListTable
        rows={v.deliveries}
        empty={v.paged ? k.noOlder : k.nothing}
        class="delivery-log"
        caption={k.caption(v.timezone.replaceAll('_', ' '))}
        columns={[cols.when, cols.event, cols.eventId, cols.attempt, cols.result, cols.took]}
        row={(d) => (
          <tr>
            <td>{v.when(d.deliveredAt)}</td>
            <td>
              <code>{d.event}</code>
            </td>
            <td>
              <code class="event-id">{d.eventId}</code>
            </td>
            <td>{d.attempt}</td>
            <td>
              <DeliveryResult delivery={d} t={t} />
            </td>
            <td>{d.durationMs} ms</td>
          </tr>
        )}
      />
      {v.paged || v.nextCursor ? (
        <nav class="pager" aria-label={k.pages}>
          {v.paged ? <a href={`${base}#log`}>{k.newest}</a> : null}
          {v.nextCursor ? <a href={`${base}?cursor=${v.nextCursor}#log`}>{k.older}</a> : null}
        </nav>
      ) : null}
    </section>
  );
}
