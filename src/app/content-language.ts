/**
 * What the business wrote, in a reader's language (SPEC §12): a service's name and description,
 * the staff label, a booking's service name — each the wording for `lang`, else its language
 * ("fr-CA" → fr), else the business language, else the first given (core/localized.ts). The
 * pages, emails, calendar files and the public API all take their text through here.
 */
import { givenText, localize } from '../core/index.ts';
import type { Booking, Business, Service } from './model.ts';

type Texts = Pick<Service, 'name' | 'nameWordings' | 'description' | 'descriptionWordings'>;

/** The service with its name and description in `lang`. */
export function serviceIn<S extends Texts>(service: S, lang: string, businessLocale: string): S {
  return {
    ...service,
    name: localize(givenText(service.name, service.nameWordings), lang, businessLocale),
    description: localize(givenText(service.description, service.descriptionWordings), lang, businessLocale),
  };
}

/** The business with its staff label in `lang`. */
export function businessIn(business: Business, lang: string): Business {
  const label = localize(givenText(business.staffLabel, business.staffLabelWordings), lang, business.locale);
  return { ...business, staffLabel: label };
}

/** The booking with its service's name in `lang`. */
export function bookingIn<B extends Pick<Booking, 'serviceName' | 'serviceNameWordings'>>(
  booking: B,
  lang: string,
  businessLocale: string,
): B {
  return {
    ...booking,
    serviceName: localize(givenText(booking.serviceName, booking.serviceNameWordings), lang, businessLocale),
  };
}
