/**
 * A staff member's profile form. An admin edits every field (and uses it to add a member); a
 * staff member on their own page edits their name, email and time zone, and sees the rest.
 */
import type { Actor } from '../../../app/dashboard/actor.ts';
import type { AdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import type { Business, Service } from '../../../app/model.ts';
import { Field, Notice } from '../form-kit/fields.tsx';
import { Checkbox, Group, Input, ReadOnly, Whole } from '../form-kit/inputs.tsx';
import { Csrf } from '../layout.tsx';
import type { StaffFormState } from './staff-form-values.ts';

export const STAFF_LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  timezone: 'Time zone',
  key: 'Key',
  services: 'Services offered',
  slotStepMinutes: 'Slot step in minutes',
  gapMinutes: 'Gap between bookings in minutes',
  minNoticeMinutes: 'Minimum notice in minutes',
  active: 'Active',
};

export interface ProfileFormProps {
  readonly csrf: string;
  readonly actor: Actor;
  /** The member edited; null when adding one. */
  readonly editing: AdminStaff | null;
  readonly state: StaffFormState;
  readonly errors: Readonly<Record<string, string>>;
  readonly services: readonly Service[];
  readonly business: Business;
  readonly notice?: string | undefined;
}

const orBusiness = (n: number | null, business: number, unit: string) =>
  n === null ? `the business setting (${business} ${unit})` : `${n} ${unit}`;

/** What a staff member sees of the fields only an admin changes. */
function AdminFields({ p }: { p: ProfileFormProps }) {
  const m = p.editing?.member;
  if (!m || !p.editing) return null;
  const b = p.business;
  return (
    <>
      <p class="hint">Set by an admin:</p>
      <ReadOnly
        facts={[
          [STAFF_LABELS.services as string, p.editing.services.map((s) => s.name).join(', ') || 'none'],
          [STAFF_LABELS.slotStepMinutes as string, orBusiness(m.slotStepMinutes, b.slotStepMinutes, 'min')],
          [STAFF_LABELS.gapMinutes as string, orBusiness(m.gapMinutes, b.gapMinutes, 'min')],
          [STAFF_LABELS.minNoticeMinutes as string, orBusiness(m.minNoticeMinutes, b.minNoticeMinutes, 'min')],
          [STAFF_LABELS.active as string, m.active ? 'yes: shown on the booking pages' : 'no'],
        ]}
      />
    </>
  );
}

export function ProfileForm(p: ProfileFormProps) {
  const v = p.state.values;
  const e = p.errors;
  const admin = p.actor.role === 'admin';
  const b = p.business;
  const action = p.editing ? `/admin/staff/${p.editing.member.id}` : '/admin/staff';
  return (
    <section class="panel" aria-labelledby="profile">
      <h2 id="profile">Profile</h2>
      <Notice text={p.notice} />
      <form method="post" action={action} novalidate>
        <Csrf token={p.csrf} />
        <Field name="name" label="Name" value={v.name} required autocomplete="off" error={e.name} />
        <Field
          name="email"
          label="Email"
          type="email"
          value={v.email}
          required
          autocomplete="off"
          hint="Where booking emails for this member go."
          error={e.email}
        />
        <Input
          name="timezone"
          label="Time zone"
          value={v.timezone}
          list="zones"
          spellcheck={false}
          hint={`The zone the weekly hours are in, e.g. Europe/Lisbon. Leave empty for the business zone (${b.timezone}).`}
          error={e.timezone}
        />
        {admin ? (
          <>
            <Group legend={STAFF_LABELS.services as string} id="f-services" hint="What clients can book with them.">
              {p.services.map((s) => (
                <Checkbox
                  name={`service-${s.id}`}
                  label={s.active ? s.name : `${s.name} (inactive)`}
                  checked={p.state.services.includes(s.id)}
                />
              ))}
              {e.services ? <p class="error">{e.services}</p> : null}
            </Group>
            <Group legend="Their own booking rules" hint="Leave a field empty to use the business setting.">
              <Whole
                name="slotStepMinutes"
                label={STAFF_LABELS.slotStepMinutes as string}
                value={v.slotStepMinutes}
                min={1}
                max={1440}
                hint={`Distance between the start times offered. Business setting: ${b.slotStepMinutes}.`}
                error={e.slotStepMinutes}
              />
              <Whole
                name="gapMinutes"
                label={STAFF_LABELS.gapMinutes as string}
                value={v.gapMinutes}
                max={1440}
                hint={`Rest between two bookings. Business setting: ${b.gapMinutes}.`}
                error={e.gapMinutes}
              />
              <Whole
                name="minNoticeMinutes"
                label={STAFF_LABELS.minNoticeMinutes as string}
                value={v.minNoticeMinutes}
                max={525600}
                hint={`No booking starts sooner than this from now. Business setting: ${b.minNoticeMinutes}.`}
                error={e.minNoticeMinutes}
              />
            </Group>
            <Input
              name="key"
              label="Key"
              value={v.key}
              spellcheck={false}
              hint="Optional short name for the set-up file and the command line (letters, digits, “_” or “-”)."
              error={e.key}
            />
            <Checkbox
              name="active"
              label="Active"
              checked={v.active === 'on'}
              hint="Only active members appear on the booking pages and take new bookings."
              error={e.active}
            />
          </>
        ) : (
          <AdminFields p={p} />
        )}
        <p class="actions">
          <button type="submit" class="primary">
            {p.editing ? 'Save profile' : 'Add staff member'}
          </button>
        </p>
      </form>
    </section>
  );
}
