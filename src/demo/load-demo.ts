/** Loads the demo studio (set-up plus a few bookings made through the real use cases). */
import { createBooking } from '../app/create-booking.ts';
import { getDayAvailability } from '../app/get-day-availability.ts';
import type { ImageProcessor } from '../app/images/image-processor.ts';
import { importSetup } from '../app/import-setup.ts';
import type { Clock, Store } from '../app/ports.ts';
import { argon2DefaultHash } from '../auth/argon2-hasher.ts';
import { addDays, dateOf } from '../core/index.ts';
import { createDemoStaffAccounts } from './demo-accounts.ts';
import { addDemoPictures } from './demo-pictures.ts';
import { DEMO_BOOKINGS, DEMO_ZONE, demoSetup } from './demo-studio.ts';

export interface DemoDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly secret: string;
  readonly publicUrl: string;
  /** Draws the demo's pictures (decision 032); absent: the demo has none. */
  readonly images?: ImageProcessor;
}

/** Imports the demo and books its sample appointments; returns how many bookings were made. */
export async function loadDemo(deps: DemoDeps): Promise<number> {
  const imported = await importSetup(
    { store: deps.store, hashPassword: argon2DefaultHash },
    demoSetup(deps.clock.now()),
  );
  if (!imported.ok) throw new Error(`demo set-up refused: ${JSON.stringify(imported.details)}`);
  await createDemoStaffAccounts(deps, argon2DefaultHash);
  if (deps.images) await addDemoPictures({ store: deps.store, images: deps.images });
  const today = dateOf(deps.clock.now(), DEMO_ZONE);
  let made = 0;
  for (const b of DEMO_BOOKINGS) {
    // The first day from daysAhead on that has slots (weekends may be closed).
    for (let d = b.daysAhead; d < b.daysAhead + 7; d++) {
      const day = await getDayAvailability(deps, { service: b.service, staff: 'any', date: addDays(today, d) });
      if (!day.ok || day.value.slots.length === 0) continue;
      const slots = day.value.slots;
      const slot = slots[Math.min(b.nth, slots.length - 1)];
      if (!slot) continue;
      const email = `${b.client
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z ]/g, '')
        .replace(/ /g, '.')}@example.test`;
      const r = await createBooking(deps, {
        service: b.service,
        staff: 'any',
        start: slot.start,
        client: { name: b.client, email, phone: null, address: null },
        notes: '',
        wantsReminder: true,
        payment: 'none',
      });
      if (r.ok) made++;
      break;
    }
  }
  return made;
}
