/**
 * The service form (new and edit): every field SPEC §1 gives a service, grouped, with who offers
 * it as check boxes; on the edit page also the way to delete it (or deactivate it when bookings
 * use it). Refused values come back as typed, with the error summary linking to each field.
 */
import type { AdminService } from '../../../app/dashboard/catalogue/service-reads.ts';
import type { Resource } from '../../../app/dashboard/resources/resource-store.ts';
import type { StaffMember } from '../../../app/model.ts';
import type { CatalogueMessages } from '../../../i18n/dashboard/catalogue/en.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Checkbox, ErrorSummary, type FormProps, Group, Input, Notice } from '../form-kit/fields.tsx';
import { Translations, translationLabels } from '../form-kit/translations.tsx';
import { Csrf } from '../layout.tsx';
import { PolicyGroup, QuestionsGroup, ruleLabels } from './questions-form.tsx';
import type { ServiceFormState } from './services-form-values.ts';

/** The form's labels by field name (boundFields and the error summary pick them by name). */
export function serviceLabels(t: DashboardMessages): CatalogueMessages['labels'] {
  const names = Object.keys(t.catalogue.labels) as (keyof CatalogueMessages['labels'])[];
  return Object.fromEntries(names.map((k) => [k, t.catalogue.labels[k]])) as CatalogueMessages['labels'];
}

export interface ServiceFormProps extends FormProps<AdminService, ServiceFormState> {
  readonly members: readonly StaffMember[];
  /** The business's shared resources (SPEC §8.4), to tick those a booking of it holds. */
  readonly resources: readonly Resource[];
  readonly businessCurrency: string;
  /** The business language: the main name and description are in it, the others beside (SPEC §12). */
  readonly businessLocale: string;
  readonly defaultRescheduleLimit: number;
  readonly t: DashboardMessages;
}

export function ServiceForm(p: ServiceFormProps) {
  const v = p.state.values;
  const e = p.errors;
  const { t } = p;
  const k = t.catalogue.form;
  const labels = serviceLabels(t);
  const f = boundFields(labels, v, e);
  const action = p.editing ? `/admin/services/${p.editing.service.id}` : '/admin/services';
  const color = v.color ?? '';
  const picker = /^#[0-9a-f]{6}$/i.test(color) ? color : '#2f5d8a';
  return (
    <>
      <p class="crumbs">
        <a href="/admin/services">{t.catalogue.title}</a>
      </p>
      <h1>{p.editing ? k.editHeading(p.editing.service.name) : k.new}</h1>
      <Notice text={p.notice} />
      <ErrorSummary
        errors={e}
        labels={{
          ...labels,
          ...ruleLabels(v, t),
          ...translationLabels('name', labels.name, p.businessLocale),
          ...translationLabels('description', labels.description, p.businessLocale),
        }}
        title={k.notSaved}
      />
      <form method="post" action={action} class="panel wide-form" novalidate>
        <Csrf token={p.csrf} />
        <Group legend={k.what}>
          <f.Input name="name" required />
          <f.Input name="slug" required spellcheck={false} hint={k.slugHint} />
          <f.TextArea name="description" hint={k.descriptionHint} />
          <Translations field="name" label={labels.name} businessLocale={p.businessLocale} values={v} errors={e} />
          <Translations
            field="description"
            label={labels.description}
            businessLocale={p.businessLocale}
            values={v}
            errors={e}
            multiline
          />
          <f.Whole name="durationMinutes" min={1} max={1440} required />
          <f.Input name="imageUrl" type="url" hint={k.imageHint} />
        </Group>
        <Group legend={k.payment}>
          <f.Input name="price" inputmode="decimal" hint={k.priceHint} />
          <f.Input name="deposit" inputmode="decimal" hint={k.depositHint} />
          <f.Input name="currency" spellcheck={false} hint={k.currencyHint(p.businessCurrency)} />
        </Group>
        <ColorGroup value={color} picker={picker} error={e.color} t={t} />
        <Group legend={k.around}>
          <f.Whole name="bufferBeforeMinutes" max={1440} hint={k.beforeHint} />
          <f.Whole name="bufferAfterMinutes" max={1440} hint={k.afterHint} />
        </Group>
        <Group legend={k.changes}>
          <f.Checkbox name="allowRescheduling" hint={k.rescheduleHint} />
          <f.Checkbox name="allowRepeat" hint={k.repeatHint} />
          <f.Whole name="rescheduleLimit" max={100} hint={k.limitHint(p.defaultRescheduleLimit)} />
        </Group>
        <Group legend={labels.staff} id="f-staff" hint={k.staffHint}>
          {p.members.length === 0 ? <p class="muted">{k.noStaff}</p> : null}
          {p.members.map((m) => (
            <Checkbox
              name={`staff-${m.id}`}
              label={m.active ? m.name : k.inactiveMember(m.name)}
              checked={p.state.staff.includes(m.id)}
            />
          ))}
          {e.staff ? <p class="error">{e.staff}</p> : null}
        </Group>
        <Group legend={labels.resources} id="f-resources" hint={k.resourcesHint}>
          {p.resources.length === 0 ? (
            <p class="muted">
              {k.noResources} <a href="/admin/resources">{k.addResource}</a>.
            </p>
          ) : null}
          {p.resources.map((r) => (
            <Checkbox name={`resource-${r.id}`} label={r.name} checked={p.state.resources.includes(r.id)} />
          ))}
          {e.resources ? <p class="error">{e.resources}</p> : null}
        </Group>
        <PolicyGroup values={v} errors={e} t={t} />
        <QuestionsGroup values={v} errors={e} t={t} />
        <f.Checkbox name="active" hint={k.activeHint} />
        <p class="actions">
          <button type="submit" class="primary">
            {p.editing ? k.save : k.addButton}
          </button>
          <a href="/admin/services">{k.cancel}</a>
        </p>
      </form>
      {p.editing ? <DeleteService csrf={p.csrf} service={p.editing} t={t} /> : null}
    </>
  );
}

/** The colour in the calendar: a picker and the same value as text (empty text: no colour). */
function ColorGroup(p: { value: string; picker: string; error: string | undefined; t: DashboardMessages }) {
  const k = p.t.catalogue.form;
  return (
    <Group legend={k.colour}>
      <p class="field color-pair">
        <label for="f-colorPick">{k.pick}</label>
        <input id="f-colorPick" name="colorPick" type="color" value={p.picker} aria-describedby="h-color" />
        <input type="hidden" name="colorWas" value={p.picker} />
      </p>
      <Input name="color" label={k.type} value={p.value} spellcheck={false} hint={k.colourHint} error={p.error} />
    </Group>
  );
}

function DeleteService({ csrf, service, t }: { csrf: string; service: AdminService; t: DashboardMessages }) {
  const k = t.catalogue.form;
  return (
    <section class="panel" aria-labelledby="delete-service">
      <h2 id="delete-service">{k.delete}</h2>
      <p>{k.deleteText}</p>
      <form method="post" action={`/admin/services/${service.service.id}/delete`}>
        <Csrf token={csrf} />
        <button type="submit" class="danger">
          {k.deleteButton(service.service.name)}
        </button>
      </form>
    </section>
  );
}
