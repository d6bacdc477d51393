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
