/**
 * The service form's values: from a stored service (to edit it), and from a posted form (as the
 * body createService/updateService take, plus the text to show again when it is refused).
 */
import type { AdminService } from '../../../app/dashboard/catalogue/service-reads.ts';
import { toDecimal } from '../../../core/index.ts';
import { type Problems, textOrNull, ticked, wholeOf } from '../form-kit/form-body.ts';
import type { PostedForm } from '../form-kit/posted-form.ts';
import { readTranslated, translationRename, translationValues } from '../form-kit/translations.tsx';
import { readRulesForm, rulesFormOf } from './question-form-values.ts';

/** What the form shows: each field's text ("on"/"" for check boxes), the members and resources ticked. */
export interface ServiceFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly staff: readonly string[];
  readonly resources: readonly string[];
}

const TEXT_FIELDS = [
  'slug',
  'name',
  'description',
  'durationMinutes',
  'price',
  'deposit',
  'currency',
  'imageUrl',
  'rescheduleLimit',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
] as const;

/** A new service's form: SPEC §1's defaults. */
export const NEW_SERVICE: ServiceFormState = {
  values: {
    price: '0',
    deposit: '0',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '0',
    allowRescheduling: 'on',
    active: 'on',
    ...rulesFormOf([], []),
  },
  staff: [],
  resources: [],
};

export function serviceFormOf(a: AdminService, businessLocale: string): ServiceFormState {
  const s = a.service;
  const on = (b: boolean) => (b ? 'on' : '');
  return {
    values: {
      slug: s.slug,
      name: s.name,
      description: s.description,
      // The business language's text in name/description, the others in their own inputs (SPEC §12).
      ...translationValues('name', s.name, s.nameWordings, businessLocale),
      ...translationValues('description', s.description, s.descriptionWordings, businessLocale),
      durationMinutes: String(s.durationMinutes),
      price: toDecimal(s.price, a.currency),
      deposit: toDecimal(s.deposit, a.currency),
      currency: s.currency ?? '',
      imageUrl: s.imageUrl ?? '',
      color: s.color ?? '',
      allowRescheduling: on(s.allowRescheduling),
      rescheduleLimit: s.rescheduleLimit === null ? '' : String(s.rescheduleLimit),
      bufferBeforeMinutes: String(s.bufferBeforeMinutes),
      bufferAfterMinutes: String(s.bufferAfterMinutes),
      active: on(s.active),
      ...rulesFormOf(s.questions, s.cancellationPolicy),
      allowRepeat: on(s.allowRepeat ?? false),
    },
    staff: a.staff.map((m) => m.id),
    resources: a.resources.map((r) => r.id),
  };
}

/**
 * The colour: the picker's when it was moved from the value it was shown with (`colorWas`), else
 * the typed text (empty: no colour). A colour input always posts a value, so the text is what
 * says "none", and the picker wins only when the person used it.
 */
function colorOf(form: PostedForm): string | null {
  const picked = form.text('colorPick').toLowerCase();
  if (picked && picked !== form.text('colorWas').toLowerCase()) return picked;
  return textOrNull(form, 'color');
}

/** The posted form as the API's service body (checked by the caller with its schema). */
export function readServiceForm(
  form: PostedForm,
  staffIds: readonly string[],
  resourceIds: readonly string[],
  businessLocale: string,
): { state: ServiceFormState; body: Record<string, unknown>; problems: Problems; rename: (key: string) => string } {
  const problems: Problems = new Map();
  const name = readTranslated(form, 'name', businessLocale);
  const description = readTranslated(form, 'description', businessLocale);
  const rules = readRulesForm(form, problems);
  const color = colorOf(form);
  const staff = staffIds.filter((id) => ticked(form, `staff-${id}`));
  const resources = resourceIds.filter((id) => ticked(form, `resource-${id}`));
  const body = {
    slug: form.text('slug'),
    name: name.value,
    description: description.value,
    durationMinutes: wholeOf(form, 'durationMinutes', problems, undefined),
    price: form.text('price') || '0',
    deposit: form.text('deposit') || '0',
    currency: form.text('currency').toUpperCase() || null,
    imageUrl: textOrNull(form, 'imageUrl'),
    color,
    allowRescheduling: ticked(form, 'allowRescheduling'),
    rescheduleLimit: wholeOf(form, 'rescheduleLimit', problems, null),
    bufferBeforeMinutes: wholeOf(form, 'bufferBeforeMinutes', problems, undefined) ?? 0,
    bufferAfterMinutes: wholeOf(form, 'bufferAfterMinutes', problems, undefined) ?? 0,
    active: ticked(form, 'active'),
    allowRepeat: ticked(form, 'allowRepeat'),
    staff,
    resources,
    questions: rules.questions,
    cancellationPolicy: rules.policy,
  };
  const values: Record<string, string> = Object.fromEntries(TEXT_FIELDS.map((n) => [n, form.text(n)]));
  values.color = color ?? '';
  values.allowRescheduling = body.allowRescheduling ? 'on' : '';
  values.active = body.active ? 'on' : '';
  values.allowRepeat = body.allowRepeat ? 'on' : '';
  Object.assign(values, rules.values, name.values, description.values);
  const rename = (key: string) => translationRename(['name', 'description'], key) ?? rules.rename(key);
  return { state: { values, staff, resources }, body, problems, rename };
}
