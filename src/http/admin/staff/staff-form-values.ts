/**
 * The staff profile form's values: from a stored member, and from a posted form as the body
 * createStaff/updateStaff take. A staff member editing themselves sends only their profile
 * (name, email, time zone, bio); the other fields are not even read, so a forged field changes nothing
 * — and the use case would refuse it anyway.
 */
import type { Actor } from '../../../app/dashboard/actor.ts';
import type { AdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { type Problems, textOrNull, ticked, wholeOf } from '../form-kit/form-body.ts';
import type { PostedForm } from '../form-kit/posted-form.ts';

export interface StaffFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly services: readonly string[];
}

export const NEW_STAFF: StaffFormState = { values: { active: 'on' }, services: [] };

const TEXT_FIELDS = [
  'key',
  'name',
  'email',
  'timezone',
  'bio',
  'slotStepMinutes',
  'gapMinutes',
  'minNoticeMinutes',
] as const;

const numberText = (n: number | null) => (n === null ? '' : String(n));

export function staffFormOf(a: AdminStaff): StaffFormState {
  const m = a.member;
  return {
    values: {
      key: m.key ?? '',
      name: m.name,
      email: m.email,
      timezone: m.timezone ?? '',
      bio: m.bio ?? '',
      slotStepMinutes: numberText(m.slotStepMinutes),
      gapMinutes: numberText(m.gapMinutes),
      minNoticeMinutes: numberText(m.minNoticeMinutes),
      active: m.active ? 'on' : '',
    },
    services: a.services.map((s) => s.id),
  };
}

/** The posted profile as the API's staff body: everything for an admin, the profile for a member. */
export function readStaffForm(
  form: PostedForm,
  actor: Actor,
  serviceIds: readonly string[],
): { state: StaffFormState; body: Record<string, unknown>; problems: Problems } {
  const problems: Problems = new Map();
  const values: Record<string, string> = Object.fromEntries(TEXT_FIELDS.map((n) => [n, form.text(n)]));
  const profile = {
    name: form.text('name'),
    email: form.text('email'),
    timezone: textOrNull(form, 'timezone'),
    bio: form.text('bio'),
  };
  if (actor.role === 'staff') return { state: { values, services: [] }, body: profile, problems };
  const services = serviceIds.filter((id) => ticked(form, `service-${id}`));
  const body = {
    ...profile,
    key: textOrNull(form, 'key'),
    services,
    slotStepMinutes: wholeOf(form, 'slotStepMinutes', problems, null),
    gapMinutes: wholeOf(form, 'gapMinutes', problems, null),
    minNoticeMinutes: wholeOf(form, 'minNoticeMinutes', problems, null),
    active: ticked(form, 'active'),
  };
  values.active = body.active ? 'on' : '';
  return { state: { values, services }, body, problems };
}
