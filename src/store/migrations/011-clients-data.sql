-- Clients' data (SPEC §11, docs/decisions/022-clients-data-and-backups.md): how long personal data
-- is kept, which bookings have had theirs removed, the "email me my bookings" links, and the
-- schedule of the daily clean-up.

-- Retention, in days. Expired and unverified bookings lose their client's details this long after
-- they were made; past bookings this long after they ended (0 = keep).
ALTER TABLE business ADD COLUMN retain_unconfirmed_days integer NOT NULL DEFAULT 30
  CHECK (retain_unconfirmed_days BETWEEN 1 AND 3660);
ALTER TABLE business ADD COLUMN retain_past_days integer NOT NULL DEFAULT 0
  CHECK (retain_past_days BETWEEN 0 AND 3660);

-- When the booking's personal data was removed (erased on request, or by retention). The row stays
-- for the books: times, service, staff, amounts and status; name and email are empty strings.
ALTER TABLE bookings ADD COLUMN erased_at timestamptz;

-- "Email me my bookings": a single-use link valid 30 minutes. Only the token's SHA-256 is kept;
-- the email says whose bookings the link lists. Using it is a compare-and-set on used_at.
CREATE TABLE my_bookings_links (
  token_hash bytea PRIMARY KEY,
  email text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX my_bookings_links_email ON my_bookings_links (lower(email));
CREATE INDEX my_bookings_links_expires ON my_bookings_links (expires_at);

-- Work done once a day by one process: the job worker's sweep moves due_at a day on with a
-- compare-and-set (an upsert: a missing row is due) and queues the task as a durable job, as the
-- reminder sweep does (store/jobs.ts).
CREATE TABLE scheduled_tasks (
  name text PRIMARY KEY,
  due_at timestamptz NOT NULL
);
