/**
 * The service form (new and edit): every field SPEC §1 gives a service, grouped, with who offers
 * it as check boxes; on the edit page also the way to delete it (or deactivate it when bookings
 * use it). Refused values come back as typed, with the error summary linking to each field.
 */
import type { AdminService } from '../../../app/dashboard/catalogue/service-reads.ts';
import type { StaffMember } from '../../../app/model.ts';
import { ErrorSummary, Field, Notice } from '../form-kit/fields.tsx';
import { Checkbox, Group, Input, TextArea, Whole } from '../form-kit/inputs.tsx';
import { Csrf } from '../layout.tsx';
import type { ServiceFormState } from './services-form-values.ts';

export const SERVICE_LABELS: Record<string, string> = {
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
  rescheduleLimit: 'Reschedule limit',
  bufferBeforeMinutes: 'Buffer before, in minutes',
  bufferAfterMinutes: 'Buffer after, in minutes',
  active: 'Active',
  staff: 'Offered by',
};

export interface ServiceFormProps {
  readonly csrf: string;
  /** The service being edited; null on the new-service page. */
  readonly editing: AdminService | null;
  readonly state: ServiceFormState;
  readonly errors: Readonly<Record<string, string>>;
  readonly members: readonly StaffMember[];
  readonly businessCurrency: string;
  readonly defaultRescheduleLimit: number;
  readonly notice?: string | undefined;
}

export function ServiceForm(p: ServiceFormProps) {
  const v = p.state.values;
  const e = p.errors;
  const action = p.editing ? `/admin/services/${p.editing.service.id}` : '/admin/services';
  const picker = /^#[0-9a-f]{6}$/i.test(v.color ?? '') ? (v.color as string) : '#2f5d8a';
  return (
    <>
      <p class="crumbs">
        <a href="/admin/services">Services</a>
      </p>
      <h1>{p.editing ? `Edit “${p.editing.service.name}”` : 'New service'}</h1>
      <Notice text={p.notice} />
      <ErrorSummary errors={e} labels={SERVICE_LABELS} title="The service was not saved" />
      <form method="post" action={action} class="panel wide-form" novalidate>
        <Csrf token={p.csrf} />
        <Group legend="What clients book">
          <Field name="name" label={SERVICE_LABELS.name as string} value={v.name} required error={e.name} />
          <Input
            name="slug"
            label={SERVICE_LABELS.slug as string}
            value={v.slug}
            required
            spellcheck={false}
            hint="Part of the booking page's address (/book/portrait-session): lowercase letters, digits and hyphens. Changing it breaks links already shared."
            error={e.slug}
          />
          <TextArea
            name="description"
            label={SERVICE_LABELS.description as string}
            value={v.description}
            hint="Shown under the name on the booking pages."
            error={e.description}
          />
          <Whole
            name="durationMinutes"
            label={SERVICE_LABELS.durationMinutes as string}
            value={v.durationMinutes}
            min={1}
            max={1440}
            required
            error={e.durationMinutes}
          />
          <Input
            name="imageUrl"
            label={SERVICE_LABELS.imageUrl as string}
            type="url"
            value={v.imageUrl}
            hint="Optional: an https:// address or a path on this site, such as /img/portrait.jpg."
            error={e.imageUrl}
          />
        </Group>
        <Group legend="Price and payment">
          <Input
            name="price"
            label={SERVICE_LABELS.price as string}
            value={v.price}
            inputmode="decimal"
            hint="0 for a free service."
            error={e.price}
          />
          <Input
            name="deposit"
            label={SERVICE_LABELS.deposit as string}
            value={v.deposit}
            inputmode="decimal"
            hint="What a client may pay now to book (“Down payment”); at most the price. 0 = no deposit offered."
            error={e.deposit}
          />
          <Input
            name="currency"
            label={SERVICE_LABELS.currency as string}
            value={v.currency}
            spellcheck={false}
            hint={`A three-letter code such as EUR. Leave empty to use the business currency (${p.businessCurrency}).`}
            error={e.currency}
          />
        </Group>
        <ColorGroup value={v.color ?? ''} picker={picker} error={e.color} />
        <Group legend="Time around each booking">
          <Whole
            name="bufferBeforeMinutes"
            label={SERVICE_LABELS.bufferBeforeMinutes as string}
            value={v.bufferBeforeMinutes}
            max={1440}
            hint="Kept free before the booking (to set up); clients do not see it."
            error={e.bufferBeforeMinutes}
          />
          <Whole
            name="bufferAfterMinutes"
            label={SERVICE_LABELS.bufferAfterMinutes as string}
            value={v.bufferAfterMinutes}
            max={1440}
            hint="Kept free after the booking (to tidy up)."
            error={e.bufferAfterMinutes}
          />
        </Group>
        <Group legend="Changes by clients">
          <Checkbox
            name="allowRescheduling"
            label={SERVICE_LABELS.allowRescheduling as string}
            checked={v.allowRescheduling === 'on'}
            hint="Through the link in their confirmation email."
            error={e.allowRescheduling}
          />
          <Whole
            name="rescheduleLimit"
            label={SERVICE_LABELS.rescheduleLimit as string}
            value={v.rescheduleLimit}
            max={100}
            hint={`How many times one booking may be moved. Leave empty for the business default (${p.defaultRescheduleLimit}).`}
            error={e.rescheduleLimit}
          />
        </Group>
        <Group legend={SERVICE_LABELS.staff as string} id="f-staff" hint="The staff members clients can book it with.">
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
        <Checkbox
          name="active"
          label={SERVICE_LABELS.active as string}
          checked={v.active === 'on'}
          hint="Only active services appear on the booking pages and take new bookings."
          error={e.active}
        />
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
