/**
 * The service form (new and edit): every field SPEC §1 gives a service, grouped, with who offers
 * it as check boxes; on the edit page also the way to delete it (or deactivate it when bookings
 * use it). Refused values come back as typed, with the error summary linking to each field.
 */
import type { AdminService } from '../../../app/dashboard/catalogue/service-reads.ts';
import type { Resource } from '../../../app/dashboard/resources/resource-store.ts';
import type { StaffMember } from '../../../app/model.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Checkbox, ErrorSummary, type FormProps, Group, Input, Notice } from '../form-kit/fields.tsx';
import { Translations, translationLabels } from '../form-kit/translations.tsx';
import { Csrf } from '../layout.tsx';
import { PolicyGroup, QuestionsGroup, ruleLabels } from './questions-form.tsx';
import type { ServiceFormState } from './services-form-values.ts';

export const SERVICE_LABELS = {
  slug: 'Address name (slug)',
  name: 'Name',
  description: 'Description',
  durationMinutes: 'Duration in minutes',
  price: 'Price',
  deposit: 'Deposit',
  currency: 'Currency',
  imageUrl: 'Image address',
  color: 'Colour',
  allowRescheduling: 'Clients may reschedule',
  allowRepeat: 'Clients may book a recurring series',
  rescheduleLimit: 'Reschedule limit',
  bufferBeforeMinutes: 'Buffer before, in minutes',
  bufferAfterMinutes: 'Buffer after, in minutes',
  active: 'Active',
  staff: 'Offered by',
  resources: 'Needs',
} as const;

export interface ServiceFormProps extends FormProps<AdminService, ServiceFormState> {
  readonly members: readonly StaffMember[];
  /** The business's shared resources (SPEC §8.4), to tick those a booking of it holds. */
  readonly resources: readonly Resource[];
  readonly businessCurrency: string;
  /** The business language: the main name and description are in it, the others beside (SPEC §12). */
  readonly businessLocale: string;
  readonly defaultRescheduleLimit: number;
}

export function ServiceForm(p: ServiceFormProps) {
  const v = p.state.values;
  const e = p.errors;
  const f = boundFields(SERVICE_LABELS, v, e);
  const action = p.editing ? `/admin/services/${p.editing.service.id}` : '/admin/services';
  const color = v.color ?? '';
  const picker = /^#[0-9a-f]{6}$/i.test(color) ? color : '#2f5d8a';
  return (
    <>
      <p class="crumbs">
        <a href="/admin/services">Services</a>
      </p>
      <h1>{p.editing ? `Edit “${p.editing.service.name}”` : 'New service'}</h1>
      <Notice text={p.notice} />
      <ErrorSummary
        errors={e}
        labels={{
          ...SERVICE_LABELS,
          ...ruleLabels(v),
          ...translationLabels('name', SERVICE_LABELS.name, p.businessLocale),
          ...translationLabels('description', SERVICE_LABELS.description, p.businessLocale),
        }}
        title="The service was not saved"
      />
      <form method="post" action={action} class="panel wide-form" novalidate>
        <Csrf token={p.csrf} />
        <Group legend="What clients book">
          <f.Input name="name" required />
          <f.Input
            name="slug"
            required
            spellcheck={false}
            hint="Part of the booking page's address (/book/portrait-session): lowercase letters, digits and hyphens. Changing it breaks links already shared."
          />
          <f.TextArea name="description" hint="Shown under the name on the booking pages." />
          <Translations
            field="name"
            label={SERVICE_LABELS.name}
            businessLocale={p.businessLocale}
            values={v}
            errors={e}
          />
          <Translations
            field="description"
            label={SERVICE_LABELS.description}
            businessLocale={p.businessLocale}
            values={v}
            errors={e}
            multiline
          />
          <f.Whole name="durationMinutes" min={1} max={1440} required />
          <f.Input
            name="imageUrl"
            type="url"
            hint="Optional: an https:// address or a path on this site, such as /img/portrait.jpg."
          />
        </Group>
        <Group legend="Price and payment">
          <f.Input name="price" inputmode="decimal" hint="0 for a free service." />
          <f.Input
            name="deposit"
            inputmode="decimal"
            hint="What a client may pay now to book (“Down payment”); at most the price. 0 = no deposit offered."
          />
          <f.Input
            name="currency"
            spellcheck={false}
            hint={`A three-letter code such as EUR. Leave empty to use the business currency (${p.businessCurrency}).`}
          />
        </Group>
        <ColorGroup value={color} picker={picker} error={e.color} />
        <Group legend="Time around each booking">
          <f.Whole
            name="bufferBeforeMinutes"
            max={1440}
            hint="Kept free before the booking (to set up); clients do not see it."
          />
          <f.Whole name="bufferAfterMinutes" max={1440} hint="Kept free after the booking (to tidy up)." />
        </Group>
        <Group legend="Changes by clients">
          <f.Checkbox name="allowRescheduling" hint="Through the link in their confirmation email." />
          <f.Checkbox name="allowRepeat" hint="Weekly, every two weeks or monthly, up to 52 times, booked at once." />
          <f.Whole
            name="rescheduleLimit"
            max={100}
            hint={`How many times one booking may be moved. Leave empty for the business default (${p.defaultRescheduleLimit}).`}
          />
        </Group>
        <Group legend={SERVICE_LABELS.staff} id="f-staff" hint="The staff members clients can book it with.">
          {p.members.length === 0 ? <p class="muted">No staff members yet.</p> : null}
          {p.members.map((m) => (
            <Checkbox
              name={`staff-${m.id}`}
              label={m.active ? m.name : `${m.name} (inactive)`}
              checked={p.state.staff.includes(m.id)}
            />
          ))}
          {e.staff ? <p class="error">{e.staff}</p> : null}
        </Group>
        <Group
          legend={SERVICE_LABELS.resources}
          id="f-resources"
          hint="Shared rooms or machines a booking holds for its time, buffers included: two bookings never hold one at once, whoever the staff member."
        >
          {p.resources.length === 0 ? (
            <p class="muted">
              No resources yet: <a href="/admin/resources">add one</a>.
            </p>
          ) : null}
          {p.resources.map((r) => (
            <Checkbox name={`resource-${r.id}`} label={r.name} checked={p.state.resources.includes(r.id)} />
          ))}
          {e.resources ? <p class="error">{e.resources}</p> : null}
        </Group>
        <PolicyGroup values={v} errors={e} />
        <QuestionsGroup values={v} errors={e} />
        <f.Checkbox name="active" hint="Only active services appear on the booking pages and take new bookings." />
        <p class="actions">
          <button type="submit" class="primary">
            {p.editing ? 'Save changes' : 'Add service'}
          </button>
          <a href="/admin/services">Cancel</a>
        </p>
      </form>
      {p.editing ? <DeleteService csrf={p.csrf} service={p.editing} /> : null}
    </>
  );
}

/** The colour in the calendar: a picker and the same value as text (empty text: no colour). */
function ColorGroup(p: { value: string; picker: string; error: string | undefined }) {
  return (
    <Group legend="Colour in the dashboard calendar">
      <p class="field color-pair">
        <label for="f-colorPick">Pick a colour</label>
        <input id="f-colorPick" name="colorPick" type="color" value={p.picker} aria-describedby="h-color" />
        <input type="hidden" name="colorWas" value={p.picker} />
      </p>
      <Input
        name="color"
        label="Or type it"
        value={p.value}
        spellcheck={false}
        hint="As #rrggbb, e.g. #b4532a. Leave empty for no colour of its own. If you use the picker, its colour is saved."
        error={p.error}
      />
    </Group>
  );
}

function DeleteService({ csrf, service }: { csrf: string; service: AdminService }) {
  return (
    <section class="panel" aria-labelledby="delete-service">
      <h2 id="delete-service">Delete this service</h2>
      <p>
        A service without bookings is deleted. One that bookings use is deactivated instead: it leaves the booking pages
        and takes no new bookings, and its bookings keep it.
      </p>
      <form method="post" action={`/admin/services/${service.service.id}/delete`}>
        <Csrf token={csrf} />
        <button type="submit" class="danger">
          Delete “{service.service.name}”
        </button>
      </form>
    </section>
  );
}
