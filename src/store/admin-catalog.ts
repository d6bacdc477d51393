/**
 * The dashboard's catalogue writes in SQL (the ServiceStore, StaffStore, SettingsStore and
 * ResourceStore ports): services, staff, weekly hours, days off, date hours, blocks, business
 * settings, resources. Availability is computed from the cached catalogue, so
 * every write drops it before (loads in flight are then not stored) and after (once the
 * transaction has ended, see create-store.ts).
 */
import type { ServiceFields, ServiceStore } from '../app/dashboard/catalogue/service-store.ts';
import type { ResourceStore } from '../app/dashboard/resources/resource-store.ts';
import type { BusinessSettings, SettingsStore } from '../app/dashboard/settings/settings-store.ts';
import type { StaffStore } from '../app/dashboard/staff/staff-store.ts';
import type { ImageStore } from '../app/images/image-store.ts';
import type { Service } from '../app/model.ts';
import { staffWrites } from './admin-staff.ts';
import { findService } from './catalog.ts';
import { columnsOf, conflictOf, deleteOrDeactivate, insertRow, isId, updateRow } from './catalog-writes.ts';
import { imageStore } from './images.ts';
import { mergeParts } from './merge-parts.ts';
import type { ReadCache } from './read-cache.ts';
import { linkResources, resourceStore } from './resources.ts';
import { toBusiness, toService } from './rows.ts';
import { BUSINESS_COLUMNS } from './setup.ts';
import type { Row, Sql } from './sql.ts';

const SERVICE_COLUMNS: Record<keyof ServiceFields, string> = {
  slug: 'slug',
  name: 'name',
  nameWordings: 'name_wordings',
  description: 'description',
  descriptionWordings: 'description_wordings',
  durationMinutes: 'duration_minutes',
  price: 'price_minor',
  deposit: 'deposit_minor',
  currency: 'currency',
  imageUrl: 'image_url',
  color: 'color',
  allowRescheduling: 'allow_rescheduling',
  rescheduleLimit: 'reschedule_limit',
  bufferBeforeMinutes: 'buffer_before_minutes',
  bufferAfterMinutes: 'buffer_after_minutes',
  active: 'active',
  capacity: 'capacity',
  maxSeatsPerBooking: 'max_seats_per_booking',
  questions: 'questions',
  cancellationPolicy: 'cancellation_policy',
  allowRepeat: 'allow_repeat',
};

/** A service's columns; the jsonb ones as JSON text (a driver would send a JS array as a PostgreSQL array). */
function serviceColumns(fields: Partial<ServiceFields>): [string, unknown][] {
  const { questions, cancellationPolicy, nameWordings, descriptionWordings, ...plain } = fields;
  return columnsOf(
    {
      ...plain,
      ...(questions === undefined ? {} : { questions: JSON.stringify(questions) }),
      ...(cancellationPolicy === undefined ? {} : { cancellationPolicy: JSON.stringify(cancellationPolicy) }),
      ...jsonColumn('nameWordings', nameWordings),
      ...jsonColumn('descriptionWordings', descriptionWordings),
    } as Partial<ServiceFields>,
    SERVICE_COLUMNS,
  );
}

/** A nullable jsonb field as JSON text, null as NULL, absent as absent. */
const jsonColumn = (key: string, value: unknown) =>
  value === undefined ? {} : { [key]: value === null ? null : JSON.stringify(value) };

const SETTINGS_COLUMNS: Record<keyof BusinessSettings, string> = {
  ...BUSINESS_COLUMNS,
  mailFrom: 'mail_from',
  staffLabelWordings: 'staff_label_wordings',
};

async function linkStaff(sql: Sql, serviceId: string, staffIds: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM staff_services WHERE service_id = $1', [serviceId]);
  await sql.query(
    'INSERT INTO staff_services (staff_id, service_id) SELECT unnest($2::bigint[]), $1 ON CONFLICT DO NOTHING',
    [serviceId, [...new Set(staffIds)]],
  );
}

/** `invalidate` drops cached reads after a write (and again once the transaction has ended). */
export function adminCatalogStore(
  sql: Sql,
  cache: ReadCache | undefined,
  invalidate: (fn: () => void) => void,
): ServiceStore & StaffStore & SettingsStore & ResourceStore & ImageStore {
  /** Runs a catalogue write in one transaction, dropping the cached catalogue before and after. */
  const write = async <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => {
    const drop = () => cache?.invalidateCatalog();
    invalidate(drop);
    try {
      return await sql.transaction(fn);
    } finally {
      invalidate(drop);
    }
  };
  const service = async (tx: Sql, id: string) => (await findService(tx, id)) as Service;
  const getSettings = async () => {
    const [row] = await sql.query('SELECT * FROM business WHERE id = 1');
    if (!row) throw new Error('business row missing: migrations not applied');
    return toBusiness(row);
  };

  type Catalog = ServiceStore & StaffStore & SettingsStore & ResourceStore & ImageStore;
  // Parts merged with Object.assign: a transaction's store builds these too (merge-parts.ts).
  const services = {
    async createService(fields, staffIds, resourceIds) {
      try {
        return await write(async (tx) => {
          const id = await insertRow(tx, 'services', serviceColumns(fields));
          await linkStaff(tx, id, staffIds);
          if (resourceIds !== undefined) await linkResources(tx, id, resourceIds);
          return { ok: true as const, value: await service(tx, id) };
        });
      } catch (error) {
        return conflictOf(error, 'slug');
      }
    },
    async updateService(id, fields, staffIds, resourceIds) {
      if (!isId(id)) return null;
      try {
        return await write(async (tx) => {
          if (!(await updateRow(tx, 'services', id, serviceColumns(fields)))) return null;
          if (staffIds !== undefined) await linkStaff(tx, id, staffIds);
          if (resourceIds !== undefined) await linkResources(tx, id, resourceIds);
          return { ok: true as const, value: await service(tx, id) };
        });
      } catch (error) {
        return conflictOf(error, 'slug');
      }
    },
    async removeService(id) {
      if (!isId(id)) return null;
      return write((tx) =>
        deleteOrDeactivate(
          tx,
          'services',
          id,
          'NOT EXISTS (SELECT 1 FROM bookings WHERE service_id = $1)',
          toService,
          async () => {
            const row = await updateRow(tx, 'services', id, [['active', false]]);
            return row ? toService(row) : null;
          },
        ),
      );
    },
  } satisfies Partial<Catalog>;
  const settings = {
    getSettings,
    async updateSettings(patch) {
      const { staffLabelWordings, ...plain } = patch;
      const cols = columnsOf({ ...plain, ...jsonColumn('staffLabelWordings', staffLabelWordings) }, SETTINGS_COLUMNS);
      if (cols.length === 0) return getSettings();
      return write(async (tx) => toBusiness((await updateRow(tx, 'business', '1', cols)) as Row));
    },
  } satisfies Partial<Catalog>;
  return mergeParts(services, staffWrites(sql, write), resourceStore(sql, write), imageStore(sql, write), settings);
}
