/** An admin adds a service (SPEC §1), with the members who offer it. */
import type { LocalizedText } from '../../../core/index.ts';
import type { Store } from '../../ports.ts';
import { ok, type Result } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import { conflictRefusal } from './catalog-conflict.ts';
import { checkService, type ServiceInput } from './service-input.ts';
import { type AdminService, toAdminServices } from './service-reads.ts';
import type { ServiceFields } from './service-store.ts';

export interface NewServiceInput extends ServiceInput {
  readonly slug: string;
  readonly name: LocalizedText;
  readonly durationMinutes: number;
}

/** SPEC §1's defaults for what a new service leaves out. */
const DEFAULTS: ServiceFields = {
  slug: '',
  name: '',
  description: '',
  durationMinutes: 0,
  price: 0,
  deposit: 0,
  currency: null,
  imageUrl: null,
  color: null,
  allowRescheduling: true,
  rescheduleLimit: null,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  active: true,
  capacity: 1,
  maxSeatsPerBooking: 1,
  questions: [],
  cancellationPolicy: [],
  allowRepeat: false,
};

export async function createService(
  deps: { store: Pick<Store, 'createService' | 'getBusiness' | 'listResources' | 'listStaff'> },
  actor: Actor,
  input: NewServiceInput,
): Promise<Result<AdminService>> {
  const denied = adminOnly(actor, 'change services');
  if (denied) return denied;
  const checked = await checkService(deps.store, input, null);
  if (!checked.ok) return checked;
  const written = await deps.store.createService(
    { ...DEFAULTS, ...checked.value.fields },
    checked.value.staffIds ?? [],
    checked.value.resourceIds ?? [],
  );
  if (!written.ok) return conflictRefusal(written.conflict, input.slug);
  const [created] = await toAdminServices(deps.store, [written.value]);
  return ok(created as AdminService);
}
