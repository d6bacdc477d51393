/**
 * JSON shapes of API.md's business, services and slots: instants ISO 8601 with offset, money
 * decimal strings. A booking's shape is shared with the jobs: app/presenters/booking.ts.
 */
import type { ServiceOffer } from '../app/list-services.ts';
import type { Business, Service } from '../app/model.ts';
import { activeQuestions, formatInstant, type Slot, toDecimal } from '../core/index.ts';
import { LOCALES } from '../i18n/locale.ts';
import { imagePath, serviceImageUrl } from './images/image-urls.ts';

export function presentBusiness(b: Business) {
  return {
    name: b.name,
    timezone: b.timezone,
    currency: b.currency,
    locale: b.locale,
    locales: [...LOCALES],
    staffLabel: b.staffLabel,
    paymentEnabled: b.paymentUrl !== null && b.paymentSecret !== null,
  };
}

/** What the public and the dashboard's service shapes begin with: money in the service's currency. */
export function serviceBasics(s: Service, currency: string) {
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    durationMinutes: s.durationMinutes,
    price: toDecimal(s.price, currency),
    deposit: toDecimal(s.deposit, currency),
    currency,
  };
}

export function presentService(o: ServiceOffer) {
  const s = o.service;
  return {
    ...serviceBasics(s, o.currency),
    imageUrl: serviceImageUrl(s),
    color: s.color,
    paymentOptions: o.paymentOptions,
    staff: o.staff.map((m) => ({ id: m.id, name: m.name, photoUrl: m.photo ? imagePath(m.photo) : null, bio: m.bio })),
    // SPEC §9.1: seats of a group session.
    capacity: s.capacity ?? 1,
    maxSeatsPerBooking: s.maxSeatsPerBooking ?? 1,
    // What the client is asked (SPEC §10.1), retired ones left out; labels as the business wrote them.
    questions: activeQuestions(s.questions).map((q) => ({
      key: q.key,
      type: q.type,
      label: q.label,
      required: q.required,
      sensitive: q.sensitive,
      ...(q.options ? { options: q.options } : {}),
    })),
    cancellationPolicy: s.cancellationPolicy,
    // SPEC §9.2: whether a booking may carry `repeat`.
    allowRepeat: s.allowRepeat ?? false,
  };
}

/**
 * Formatted instants by zone: a day view formats every slot's start and end, and the same dates
 * are asked again and again, so formatting was a sixth of an uncached day view's CPU (a profile,
 * docs/PERFORMANCE.md). formatInstant depends on (instant, zone) alone; dropped whole at the cap.
 */
const formatted = new Map<string, Map<number, string>>();
let formattedCount = 0;
const FORMATTED_CAP = 20_000;

export function formatInstantCached(ms: number, zone: string): string {
  let byZone = formatted.get(zone);
  const hit = byZone?.get(ms);
  if (hit !== undefined) return hit;
  if (formattedCount >= FORMATTED_CAP) {
    formatted.clear();
    formattedCount = 0;
    byZone = undefined;
  }
  if (!byZone) {
    byZone = new Map();
    formatted.set(zone, byZone);
  }
  const text = formatInstant(ms, zone);
  byZone.set(ms, text);
  formattedCount++;
  return text;
}

export function presentSlot(s: Slot, zone: string) {
  const slot = { start: formatInstantCached(s.start, zone), end: formatInstantCached(s.end, zone), staff: s.staff };
  // Only a group session's slots carry seats (API.md "Availability").
  return s.seatsLeft === undefined ? slot : { ...slot, seatsLeft: s.seatsLeft };
}
