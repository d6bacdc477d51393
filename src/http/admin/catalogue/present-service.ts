/**
 * JSON shapes of the dashboard's catalogue: money as decimal strings in the service's currency,
 * hours as `{mon: [["09:00", "12:00"]], …}` (the set-up file's form, every weekday present), and
 * settings without the payment secret (only whether one is set).
 */
import type { BusinessSettings, StoredDayOff } from '../../../app/dashboard/catalogue/admin-catalog-store.ts';
import type { AdminService } from '../../../app/dashboard/catalogue/service-reads.ts';
import type { AdminStaff } from '../../../app/dashboard/staff/staff-reads.ts';
import { formatWallTime, toDecimal, WEEKDAYS, type WeeklyHours } from '../../../core/index.ts';

export function presentAdminService(a: AdminService) {
  const s = a.service;
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    durationMinutes: s.durationMinutes,
    price: toDecimal(s.price, a.currency),
    deposit: toDecimal(s.deposit, a.currency),
    currency: a.currency,
    // true: the service follows the business currency (PATCH `currency: null` returns to it).
    usesBusinessCurrency: s.currency === null,
    imageUrl: s.imageUrl,
    color: s.color,
    allowRescheduling: s.allowRescheduling,
    rescheduleLimit: s.rescheduleLimit,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    active: s.active,
    staff: a.staff,
  };
}

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

export function presentSettings(s: BusinessSettings) {
  const { paymentSecret, ...rest } = s;
  return { ...rest, paymentSecretSet: paymentSecret !== null };
}
