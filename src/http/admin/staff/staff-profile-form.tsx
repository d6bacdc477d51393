/**
 * A staff member's profile form. An admin edits every field (and uses it to add a member); a
 * staff member on their own page edits their name, email, time zone and bio, and sees the rest.
 */
import type { Actor } from '../../../app/dashboard/actor.ts';
import type { AdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import type { Business, Service } from '../../../app/model.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Checkbox, type FormProps, Group, Notice, ReadOnly } from '../form-kit/fields.tsx';
import { Csrf } from '../layout.tsx';
import type { StaffFormState } from './staff-form-values.ts';

export const STAFF_LABELS = {
  name: 'Name',
  email: 'Email',
  timezone: 'Time zone',
  bio: 'Bio',
  key: 'Key',
  services: 'Services offered',
  slotStepMinutes: 'Slot step in minutes',
  gapMinutes: 'Gap between bookings in minutes',
  minNoticeMinutes: 'Minimum notice in minutes',
  active: 'Active',
} as const;

export interface ProfileFormProps extends FormProps<AdminStaff, StaffFormState> {
  readonly actor: Actor;
  readonly services: readonly Service[];
  readonly business: Business;
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
          [STAFF_LABELS.services, p.editing.services.map((s) => s.name).join(', ') || 'none'],
          [STAFF_LABELS.slotStepMinutes, orBusiness(m.slotStepMinutes, b.slotStepMinutes, 'min')],
          [STAFF_LABELS.gapMinutes, orBusiness(m.gapMinutes, b.gapMinutes, 'min')],
          [STAFF_LABELS.minNoticeMinutes, orBusiness(m.minNoticeMinutes, b.minNoticeMinutes, 'min')],
          [STAFF_LABELS.active, m.active ? 'yes: shown on the booking pages' : 'no'],
        ]}
      />
    </>
  );
}

export function ProfileForm(p: ProfileFormProps) {
  const f = boundFields(STAFF_LABELS, p.state.values, p.errors);
  const admin = p.actor.role === 'admin';
  const b = p.business;
  const action = p.editing ? `/admin/staff/${p.editing.member.id}` : '/admin/staff';
  return (
    <section class="panel" aria-labelledby="profile">
      <h2 id="profile">Profile</h2>
      <Notice text={p.notice} />
      <form method="post" action={action} novalidate>
        <Csrf token={p.csrf} />
        <f.Input name="name" required autocomplete="off" />
        <f.Input
          name="email"
          type="email"
          required
          autocomplete="off"
          hint="Where booking emails for this member go."
        />
        <f.Input
          name="timezone"
          list="zones"
          spellcheck={false}
          hint={`The zone the weekly hours are in, e.g. Europe/Lisbon. Leave empty for the business zone (${b.timezone}).`}
        />
        <f.TextArea name="bio" rows={3} hint="A few words shown with their name on the booking pages (optional)." />
        {admin ? (
          <>
            <Group legend={STAFF_LABELS.services} id="f-services" hint="What clients can book with them.">
              {p.services.map((s) => (
                <Checkbox
                  name={`service-${s.id}`}
                  label={s.active ? s.name : `${s.name} (inactive)`}
                  checked={p.state.services.includes(s.id)}
                />
              ))}
              {p.errors.services ? <p class="error">{p.errors.services}</p> : null}
            </Group>
            <Group legend="Their own booking rules" hint="Leave a field empty to use the business setting.">
              <f.Whole
                name="slotStepMinutes"
                min={1}
                max={1440}
                hint={`Distance between the start times offered. Business setting: ${b.slotStepMinutes}.`}
              />
              <f.Whole
                name="gapMinutes"
                max={1440}
                hint={`Rest between two bookings. Business setting: ${b.gapMinutes}.`}
              />
              <f.Whole
                name="minNoticeMinutes"
                max={525600}
                hint={`No booking starts sooner than this from now. Business setting: ${b.minNoticeMinutes}.`}
              />
            </Group>
            <f.Input
              name="key"
              spellcheck={false}
              hint="Optional short name for the set-up file and the command line (letters, digits, “_” or “-”)."
            />
            <f.Checkbox name="active" hint="Only active members appear on the booking pages and take new bookings." />
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
