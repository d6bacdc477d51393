/**
 * Staff members, their hours and days off as the dashboard's JSON shows them: hours as
 * `{mon: [["09:00", "12:00"]], …}` (the set-up file's form, every weekday present).
 */

import type { AdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import type { StoredDayOff } from '../../../app/dashboard/staff/staff-store.ts';
import { formatWallTime, WEEKDAYS, type WeeklyHours } from '../../../core/index.ts';
import { presentImage, staffPhotoUrl } from '../../images/image-urls.ts';

export function presentAdminStaff(a: AdminStaff) {
  const m = a.member;
  return {
    id: m.id,
    key: m.key,
    name: m.name,
    email: m.email,
    timezone: m.timezone,
    services: a.services,
    slotStepMinutes: m.slotStepMinutes,
    gapMinutes: m.gapMinutes,
    minNoticeMinutes: m.minNoticeMinutes,
    active: m.active,
    bio: m.bio ?? '',
    photoUrl: staffPhotoUrl(m),
    photo: presentImage(m.photo),
  };
}

export function presentHours(hours: WeeklyHours) {
  return Object.fromEntries(
    WEEKDAYS.map((d) => [d, (hours[d] ?? []).map((r) => [formatWallTime(r.start), formatWallTime(r.end)])]),
  );
}

export function presentDayOff(d: StoredDayOff) {
  return { id: d.id, staff: d.staffId, from: d.from, to: d.to, note: d.note };
}
