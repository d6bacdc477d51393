/**
 * A service as the dashboard's JSON shows it: money as decimal strings in the service's currency,
 * with who offers it.
 */
import type { AdminService } from '../../../app/dashboard/catalogue/service-reads.ts';
import { givenText } from '../../../core/index.ts';
import { presentImage, serviceImageUrl } from '../../images/image-urls.ts';
import { serviceBasics } from '../../presenters.ts';

export function presentAdminService(a: AdminService) {
  const s = a.service;
  return {
    ...serviceBasics(s, a.currency),
    // As given (SPEC §12): the wordings by language when there are some, else the one text.
    name: givenText(s.name, s.nameWordings),
    description: givenText(s.description, s.descriptionWordings),
    // true: the service follows the business currency (PATCH `currency: null` returns to it).
    usesBusinessCurrency: s.currency === null,
    // The image shown: the uploaded one, else the address typed in (PATCH `imageUrl` sets that one).
    imageUrl: serviceImageUrl(s),
    image: presentImage(s.image),
    color: s.color,
    allowRescheduling: s.allowRescheduling,
    rescheduleLimit: s.rescheduleLimit,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    active: s.active,
    capacity: s.capacity ?? 1,
    maxSeatsPerBooking: s.maxSeatsPerBooking ?? 1,
    allowRepeat: s.allowRepeat ?? false,
    staff: a.staff,
    resources: a.resources.map((r) => ({ id: r.id, key: r.key, name: r.name })),
    // Every question, retired ones included (they keep their keys and past answers).
    questions: s.questions,
    cancellationPolicy: s.cancellationPolicy,
  };
}
