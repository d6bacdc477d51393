/**
 * A staff member's profile form. An admin edits every field (and uses it to add a member); a
 * staff member on their own page edits their name, email, time zone and bio, and sees the rest.
 */
import type { Actor } from '../../../app/dashboard/actor.ts';
import type { AdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import type { Business, Service } from '../../../app/model.ts';
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';
import { boundFields } from '../form-kit/bound-fields.tsx';
import { Checkbox, type FormProps, Group, Notice, ReadOnly } from '../form-kit/fields.tsx';
import { localProblem } from '../form-kit/words.ts';
import { Csrf } from '../layout.tsx';
import type { StaffFormState } from './staff-form-values.ts';

/** The form's labels by field name (the error summary's too), each named so no wording goes unread. */
export function staffLabels(t: DashboardMessages) {
  const l = t.staff.profile.labels;
  return {
    name: l.name,
    email: l.email,
    timezone: l.timezone,
    bio: l.bio,
    key: l.key,
    services: l.services,
    slotStepMinutes: l.slotStepMinutes,
    gapMinutes: l.gapMinutes,
    minNoticeMinutes: l.minNoticeMinutes,
    active: l.active,
  };
}

export interface ProfileFormProps extends FormProps<AdminStaff, StaffFormState> {
  readonly t: DashboardMessages;
  readonly actor: Actor;
  readonly services: readonly Service[];
  readonly business: Business;
}

/** What a staff member sees of the fields only an admin changes. */
function AdminFields({ p }: { p: ProfileFormProps }) {
  const m = p.editing?.member;
  if (!m || !p.editing) return null;
  const b = p.business;
  const w = p.t.staff.profile;
  const l = staffLabels(p.t);
  const orBusiness = (n: number | null, business: number) => (n === null ? w.businessSetting(business) : w.minutes(n));
  return (
    <>
      <p class="hint">{w.setByAdmin}</p>
      <ReadOnly
        facts={[
          [l.services, p.editing.services.map((s) => s.name).join(', ') || w.none],
          [l.slotStepMinutes, orBusiness(m.slotStepMinutes, b.slotStepMinutes)],
          [l.gapMinutes, orBusiness(m.gapMinutes, b.gapMinutes)],
          [l.minNoticeMinutes, orBusiness(m.minNoticeMinutes, b.minNoticeMinutes)],
          [l.active, m.active ? w.activeYes : w.activeNo],
        ]}
      />
    </>
  );
}

export function ProfileForm(p: ProfileFormProps) {
  const { t } = p;
  const w = t.staff.profile;
  const f = boundFields(staffLabels(t), p.state.values, p.errors);
  const admin = p.actor.role === 'admin';
  const b = p.business;
  const action = p.editing ? `/admin/staff/${p.editing.member.id}` : '/admin/staff';
  return (
    <section class="panel" aria-labelledby="profile">
      <h2 id="profile">{w.title}</h2>
      <Notice text={p.notice} />
      <form method="post" action={action} novalidate>
        <Csrf token={p.csrf} />
        <f.Input name="name" required autocomplete="off" />
        <f.Input name="email" type="email" required autocomplete="off" hint={w.emailHint} />
        <f.Input name="timezone" list="zones" spellcheck={false} hint={w.zoneHint(b.timezone)} />
        <f.TextArea name="bio" rows={3} hint={w.bioHint} />
        {admin ? (
          <>
            <Group legend={w.labels.services} id="f-services" hint={w.servicesHint}>
              {p.services.map((s) => (
                <Checkbox
                  name={`service-${s.id}`}
                  label={s.active ? s.name : w.inactiveService(s.name)}
                  checked={p.state.services.includes(s.id)}
                />
              ))}
              {p.errors.services ? <p class="error">{localProblem(p.errors.services, t)}</p> : null}
            </Group>
            <Group legend={w.ownRules} hint={w.ownRulesHint}>
              <f.Whole name="slotStepMinutes" min={1} max={1440} hint={w.slotHint(b.slotStepMinutes)} />
              <f.Whole name="gapMinutes" max={1440} hint={w.gapHint(b.gapMinutes)} />
              <f.Whole name="minNoticeMinutes" max={525600} hint={w.noticeHint(b.minNoticeMinutes)} />
            </Group>
            <f.Input name="key" spellcheck={false} hint={w.keyHint} />
            <f.Checkbox name="active" hint={w.activeHint} />
          </>
        ) : (
          <AdminFields p={p} />
        )}
        <p class="actions">
          <button type="submit" class="primary">
            {p.editing ? w.save : w.add}
          </button>
        </p>
      </form>
    </section>
  );
}
