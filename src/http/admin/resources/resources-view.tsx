/**
 * The resources page's parts (SPEC §8.4): the list with each resource's services, the add form,
 * and the edit form on its own page. A room or machine is named once here and ticked in the
 * service form of each service that needs it.
 */
import type { Resource } from '../../../app/dashboard/resources/resource-store.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

export const RESOURCE_LABELS = { name: 'Name', key: 'Key' } as const;

export interface ResourceFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

function ResourceFields({ state }: { state: ResourceFormState }) {
  const f = boundFields(RESOURCE_LABELS, state.values, state.errors);
  return (
    <>
      <f.Input name="name" required hint="As your team calls it, e.g. “Studio room”." />
      <f.Input
        name="key"
        required
        spellcheck={false}
        hint="How the set-up file names it: letters, digits, “_” or “-”, e.g. studio-room."
      />
    </>
  );
}

export interface ResourcesProps {
  readonly csrf: string;
  readonly resources: readonly Resource[];
  /** Resource id → the names of the services that need it. */
  readonly usedBy: ReadonlyMap<string, readonly string[]>;
  readonly add: ResourceFormState;
  readonly notice?: string | undefined;
}

export function ResourcesList(p: ResourcesProps) {
  return (
    <>
      <h1>Resources</h1>
      <Notice text={p.notice} />
      <ErrorSummary errors={p.add.errors} labels={RESOURCE_LABELS} title="The resource was not added" />
      <p class="hint">
        Rooms and machines your services need. A booking of a service that needs one holds it for its time (buffers
        included): no two bookings hold it at once, whoever the staff member.
      </p>
      <ListTable
        rows={p.resources}
        empty="No resources yet."
        caption="Resources"
        hiddenCaption
        columns={['Name', 'Key', 'Needed by', <Quiet>Actions</Quiet>]}
        row={(r) => (
          <tr>
            <td>{r.name}</td>
            <td>
              <code>{r.key}</code>
            </td>
            <td>{(p.usedBy.get(r.id) ?? []).join(', ') || <span class="muted">No service</span>}</td>
            <td class="row-actions">
              <a href={`/admin/resources/${r.id}`} aria-label={`Change ${r.name}`}>
                Change
              </a>
              <form method="post" action={`/admin/resources/${r.id}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={`Remove ${r.name}`}>
                  Remove
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <section class="panel" aria-labelledby="add-resource">
        <h2 id="add-resource">Add a resource</h2>
        <form method="post" action="/admin/resources" class="inline-fields" novalidate>
          <Csrf token={p.csrf} />
          <ResourceFields state={p.add} />
          <p class="actions">
            <button type="submit" class="primary">
              Add resource
            </button>
          </p>
        </form>
      </section>
    </>
  );
}

export function EditResource(p: { csrf: string; resource: Resource; state: ResourceFormState }) {
  return (
    <>
      <p class="crumbs">
        <a href="/admin/resources">Resources</a>
      </p>
      <h1>Change “{p.resource.name}”</h1>
      <ErrorSummary errors={p.state.errors} labels={RESOURCE_LABELS} title="The resource was not saved" />
      <form method="post" action={`/admin/resources/${p.resource.id}`} class="panel" novalidate>
        <Csrf token={p.csrf} />
        <ResourceFields state={p.state} />
        <p class="actions">
          <button type="submit" class="primary">
            Save resource
          </button>
          <a href="/admin/resources">Cancel</a>
        </p>
      </form>
    </>
  );
}
