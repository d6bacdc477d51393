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

export function presentSlot(s: Slot, zone: string) {
  const slot = { start: formatInstant(s.start, zone), end: formatInstant(s.end, zone), staff: s.staff };
  // Only a group session's slots carry seats (API.md "Availability").
  return s.seatsLeft === undefined ? slot : { ...slot, seatsLeft: s.seatsLeft };
}
