-- The dashboard: accounts, sessions, password links, API keys, calendar feeds, webhooks.
-- Every secret a client holds (session id, password link, API key, feed token) is stored only as
-- its SHA-256: a copy of the database lets no one sign in or read a feed.

-- An invited staff member has no password until they follow the invitation link.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN name text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX users_staff ON users (staff_id) WHERE staff_id IS NOT NULL;

-- Server-side sessions (revocable): the cookie holds a random token, this table its SHA-256.
-- Changing the password or "sign out everywhere" deletes every row of the user.
CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Single-use links to set a password: a reset (1 hour) or a staff invitation (7 days).
-- Using one is a compare-and-set on used_at.
CREATE TABLE password_tokens (
  token_hash bytea PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('reset', 'invite')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_tokens_user ON password_tokens (user_id);

-- API keys: shown once; `prefix` (the first characters) lets a person recognise a key in lists.
CREATE TABLE api_keys (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_hash bytea NOT NULL UNIQUE,
  prefix text NOT NULL,
  label text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('admin', 'staff')),
  staff_id bigint REFERENCES staff (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  CHECK (role = 'admin' OR staff_id IS NOT NULL)
);

-- A staff member's private calendar feed: the URL carries a token, this column its SHA-256.
-- Regenerating replaces the hash, which revokes the old URL.
ALTER TABLE staff ADD COLUMN feed_token_hash bytea UNIQUE;

CREATE TABLE webhooks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url text NOT NULL,
  secret text NOT NULL,
  events text[] NOT NULL,
  active boolean NOT NULL DEFAULT true,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per delivery attempt (the dashboard's delivery log).
CREATE TABLE webhook_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id bigint NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  event text NOT NULL,
  event_id text NOT NULL,
  attempt integer NOT NULL,
  status_code integer,
  error text,
  duration_ms integer NOT NULL,
  delivered_at timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id DESC);

-- The dashboard's booking list filters by staff member and date range.
CREATE INDEX bookings_staff_start ON bookings (staff_id, start_at);
