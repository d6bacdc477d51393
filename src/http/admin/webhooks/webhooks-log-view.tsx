/**
 * A webhook's delivery log: one row per attempt, newest first, a page at a time (the use case's
 * cursor in `?cursor=`). Success and failure are said in words and a sign, not colour alone.
 */
import type { WebhookDelivery } from '../../../app/dashboard/webhooks/webhook-store.ts';
import { ListTable } from '../list-table.tsx';

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

export function DeliveryResult({ delivery: d }: { delivery: WebhookDelivery }) {
  return d.error === null ? (
    <span class="delivery-ok">✓ Delivered{d.statusCode === null ? '' : ` (HTTP ${d.statusCode})`}</span>
  ) : (
    <span class="delivery-failed">✗ Failed: {d.error}</span>
  );
}

export function DeliveryLog(v: DeliveryLogView) {
  const base = `/admin/webhooks/${v.webhookId}`;
  return (
    <section class="panel" id="log" aria-labelledby="log-title">
      <h2 id="log-title">Delivery log</h2>
      <ListTable
        rows={v.deliveries}
        empty={v.paged ? 'No older attempts.' : 'Nothing sent yet. Send a test event to try the URL.'}
        class="delivery-log"
        caption={`Every attempt, newest first; times in ${v.timezone.replaceAll('_', ' ')}. Reload to see new attempts.`}
        columns={['When', 'Event', 'Event id', 'Attempt', 'Result', 'Took']}
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
              <DeliveryResult delivery={d} />
            </td>
            <td>{d.durationMs} ms</td>
          </tr>
        )}
      />
      {v.paged || v.nextCursor ? (
        <nav class="pager" aria-label="Delivery log pages">
          {v.paged ? <a href={`${base}#log`}>Newest attempts</a> : null}
          {v.nextCursor ? <a href={`${base}?cursor=${v.nextCursor}#log`}>Older attempts</a> : null}
        </nav>
      ) : null}
    </section>
  );
}
