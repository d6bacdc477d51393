/**
 * Images in the database (the ImageStore port, decision 032). An image row is shared by whatever
 * points at it (the same bytes uploaded twice are one row); a trigger deletes it in the statement
 * that drops the last pointer to it, so no orphan bytes stay behind (nor in backups).
 */
import type { ImageStore, NewImage } from '../app/images/image-store.ts';
import type { Service, StaffMember } from '../app/model.ts';
import { staffById } from './admin-staff.ts';
import { findService } from './catalog.ts';
import { isId } from './catalog-writes.ts';
import type { Sql } from './sql.ts';

const HASH = /^[0-9a-f]{64}$/;

async function putImage(tx: Sql, image: NewImage): Promise<void> {
  await tx.query(
    `INSERT INTO images (id, content_type, bytes, width, height) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO NOTHING`,
    [image.id, image.contentType, image.bytes, image.width, image.height],
  );
}

/**
 * Points `table.column` of row `id` at `image` (or at none); false when there is no such row, and
 * then nothing is written. The image it pointed at before is deleted by the database when nothing
 * else points at it (migration 016's trigger).
 */
async function point(tx: Sql, table: 'services' | 'staff', column: string, id: string, image: NewImage | null) {
  const [row] = await tx.query(`SELECT id FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) return false;
  if (image) await putImage(tx, image);
  await tx.query(`UPDATE ${table} SET ${column} = $2, updated_at = now() WHERE id = $1`, [id, image?.id ?? null]);
  return true;
}

/** `write` runs a catalogue write in a transaction that drops the cached catalogue (admin-catalog.ts). */
export function imageStore(sql: Sql, write: <T>(fn: (tx: Sql) => Promise<T>) => Promise<T>): ImageStore {
  return {
    async setServiceImage(serviceId, image) {
      if (!isId(serviceId)) return null;
      return write(
        async (tx): Promise<Service | null> =>
          (await point(tx, 'services', 'image_id', serviceId, image)) ? findService(tx, serviceId) : null,
      );
    },
    async setStaffPhoto(staffId, image) {
      if (!isId(staffId)) return null;
      return write(
        async (tx): Promise<StaffMember | null> =>
          (await point(tx, 'staff', 'photo_id', staffId, image)) ? staffById(tx, staffId) : null,
      );
    },
    async getImage(id) {
      if (!HASH.test(id)) return null;
      const [row] = await sql.query('SELECT content_type, bytes FROM images WHERE id = $1', [id]);
      if (!row) return null;
      const bytes = row.bytes as Uint8Array;
      return { contentType: String(row.content_type), bytes };
    },
  };
}
