-- Service images and staff photos, stored in the database (docs/decisions/032-images-in-the-database.md),
-- so the embedded default and a PostgreSQL server both keep them, and backups include them.

-- One row per distinct re-encoded image: its id is the SHA-256 of its bytes (hex), which is also
-- what its URL carries (/images/{id}.webp), so a URL never names other bytes and caches may keep it
-- for ever. Only what sharp re-encoded is stored; never what was uploaded.
CREATE TABLE images (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  content_type text NOT NULL CHECK (content_type IN ('image/webp', 'image/jpeg', 'image/png')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 5242880),
  width integer NOT NULL CHECK (width BETWEEN 1 AND 1600),
  height integer NOT NULL CHECK (height BETWEEN 1 AND 1600),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- An uploaded image wins over services.image_url (an address typed in); removing it shows that again.
ALTER TABLE services ADD COLUMN image_id text REFERENCES images (id) ON DELETE SET NULL;
ALTER TABLE staff ADD COLUMN photo_id text REFERENCES images (id) ON DELETE SET NULL;
ALTER TABLE staff ADD COLUMN bio text NOT NULL DEFAULT '' CHECK (char_length(bio) <= 2000);

-- An image nothing points at any more is deleted with the last pointer — a replaced or removed
-- picture, a deleted service or staff member — whatever statement made it so, so no orphan bytes
-- stay in the database (nor in backups). TG_ARGV[0] names the pointing column.
CREATE FUNCTION drop_unused_image() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_id text := to_jsonb(OLD) ->> TG_ARGV[0];
BEGIN
  IF old_id IS NOT NULL AND (TG_OP = 'DELETE' OR old_id IS DISTINCT FROM (to_jsonb(NEW) ->> TG_ARGV[0])) THEN
    DELETE FROM images WHERE id = old_id
      AND NOT EXISTS (SELECT 1 FROM services WHERE image_id = old_id)
      AND NOT EXISTS (SELECT 1 FROM staff WHERE photo_id = old_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER services_drop_unused_image AFTER UPDATE OF image_id OR DELETE ON services
  FOR EACH ROW EXECUTE FUNCTION drop_unused_image('image_id');
CREATE TRIGGER staff_drop_unused_photo AFTER UPDATE OF photo_id OR DELETE ON staff
  FOR EACH ROW EXECUTE FUNCTION drop_unused_image('photo_id');
