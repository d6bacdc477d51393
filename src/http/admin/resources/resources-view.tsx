/**
 * The resources page's parts (SPEC §8.4): the list with each resource's services, the add form,
 * and the edit form on its own page. A room or machine is named once here and ticked in the
 * service form of each service that needs it.
 */
import type { Resource } from '../../../app/dashboard/resources/resource-store.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { ErrorSummary, Notice } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import { ListTable, Quiet } from '../list-table.tsx';

/** The form's labels by field name (the error summary's too). */
const labelsOf = (t: DashboardMessages) => ({ name: t.resources.labels.name, key: t.resources.labels.key });

export interface ResourceFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

function ResourceFields({ t, state }: { t: DashboardMessages; state: ResourceFormState }) {
  const f = boundFields(labelsOf(t), state.values, state.errors);
  return (
    <>
      <f.Input name="name" required hint={t.resources.nameHint} />
      <f.Input name="key" required spellcheck={false} hint={t.resources.keyHint} />
    </>
  );
}

export interface ResourcesProps {
  readonly t: DashboardMessages;
  readonly csrf: string;
  readonly resources: readonly Resource[];
  /** Resource id → the names of the services that need it. */
  readonly usedBy: ReadonlyMap<string, readonly string[]>;
  readonly add: ResourceFormState;
  readonly notice?: string | undefined;
}

export function ResourcesList(p: ResourcesProps) {
  const { t } = p;
  const w = t.resources;
  return (
    <>
      <h1>{w.title}</h1>
      <Notice text={p.notice} />
      <ErrorSummary errors={p.add.errors} labels={labelsOf(t)} title={w.addRefused} />
      <p class="hint">{w.intro}</p>
      <ListTable
        rows={p.resources}
        empty={w.empty}
        caption={w.title}
        hiddenCaption
        columns={[w.labels.name, w.labels.key, w.neededBy, <Quiet>{w.actions}</Quiet>]}
        row={(r) => (
          <tr>
            <td>{r.name}</td>
            <td>
              <code>{r.key}</code>
            </td>
            <td>{(p.usedBy.get(r.id) ?? []).join(', ') || <span class="muted">{w.noService}</span>}</td>
            <td class="row-actions">
              <a href={`/admin/resources/${r.id}`} aria-label={w.changeOne(r.name)}>
                {w.change}
              </a>
              <form method="post" action={`/admin/resources/${r.id}/delete`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary" aria-label={w.removeOne(r.name)}>
                  {w.remove}
                </button>
              </form>
            </td>
          </tr>
        )}
      />
      <section class="panel" aria-labelledby="add-resource">
        <h2 id="add-resource">{w.addTitle}</h2>
        <form method="post" action="/admin/resources" class="inline-fields" novalidate>
          <Csrf token={p.csrf} />
          <ResourceFields t={t} state={p.add} />
          <p class="actions">
            <button type="submit" class="primary">
              {w.add}
            </button>
          </p>
        </form>
      </section>
    </>
  );
}

export function EditResource(p: { t: DashboardMessages; csrf: string; resource: Resource; state: ResourceFormState }) {
  const { t } = p;
  const w = t.resources;
  return (
    <>
      <p class="crumbs">
        <a href="/admin/resources">{w.title}</a>
      </p>
      <h1>{w.editHeading(p.resource.name)}</h1>
      <ErrorSummary errors={p.state.errors} labels={labelsOf(t)} title={w.editRefused} />
      <form method="post" action={`/admin/resources/${p.resource.id}`} class="panel" novalidate>
        <Csrf token={p.csrf} />
        <ResourceFields t={t} state={p.state} />
        <p class="actions">
          <button type="submit" class="primary">
            {w.save}
          </button>
          <a href="/admin/resources">{w.cancel}</a>
        </p>
      </form>
    </>
  );
}
