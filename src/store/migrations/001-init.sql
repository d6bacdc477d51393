-- Slotwise schema, version 1. Plain SQL that runs on PGlite and on a PostgreSQL (>= 15) server.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- One business per installation: a single row (id = 1).
CREATE TABLE business (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name text NOT NULL DEFAULT 'Slotwise',
  timezone text NOT NULL DEFAULT 'UTC',
  currency char(3) NOT NULL DEFAULT 'USD',
  locale text NOT NULL DEFAULT 'en',
  staff_label text NOT NULL DEFAULT 'Offered by',
  owner_email text,
  payment_url text,
  payment_secret text,
  slot_step_minutes integer NOT NULL DEFAULT 30 CHECK (slot_step_minutes BETWEEN 1 AND 1440),
  gap_minutes integer NOT NULL DEFAULT 0 CHECK (gap_minutes BETWEEN 0 AND 1440),
  min_notice_minutes integer NOT NULL DEFAULT 0 CHECK (min_notice_minutes >= 0),
  horizon_days integer NOT NULL DEFAULT 90 CHECK (horizon_days BETWEEN 0 AND 3660),
  default_reschedule_limit integer NOT NULL DEFAULT 3 CHECK (default_reschedule_limit >= 0),
  allow_staff_change_on_reschedule boolean NOT NULL DEFAULT true,
  cancel_notice_hours integer NOT NULL DEFAULT 0 CHECK (cancel_notice_hours >= 0),
  reschedule_notice_hours integer NOT NULL DEFAULT 0 CHECK (reschedule_notice_hours >= 0),
  hold_minutes integer NOT NULL DEFAULT 15 CHECK (hold_minutes BETWEEN 1 AND 1440),
  reminder_hours integer NOT NULL DEFAULT 24 CHECK (reminder_hours >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO business (id) VALUES (1);

CREATE TABLE services (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  price_minor bigint NOT NULL DEFAULT 0 CHECK (price_minor >= 0),
  deposit_minor bigint NOT NULL DEFAULT 0 CHECK (deposit_minor >= 0 AND deposit_minor <= price_minor),
  currency char(3),
  image_url text,
  color text,
  allow_rescheduling boolean NOT NULL DEFAULT true,
  reschedule_limit integer CHECK (reschedule_limit >= 0),
  buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 1440),
  buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 1440),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text UNIQUE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text NOT NULL,
  timezone text,
  slot_step_minutes integer CHECK (slot_step_minutes BETWEEN 1 AND 1440),
  gap_minutes integer CHECK (gap_minutes BETWEEN 0 AND 1440),
  min_notice_minutes integer CHECK (min_notice_minutes >= 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_services (
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  service_id bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  PRIMARY KEY (staff_id, service_id)
);
CREATE INDEX staff_services_service ON staff_services (service_id);

-- Weekly hours: wall-clock minutes [start_minute, end_minute) of an ISO weekday (1 = Monday).
-- Ranges of one weekday may not overlap; the database refuses it.
CREATE TABLE working_hours (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (start_minute < end_minute),
  EXCLUDE USING gist (staff_id WITH =, weekday WITH =, int4range(start_minute, end_minute) WITH &&)
);

CREATE TABLE days_off (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  from_date date NOT NULL,
  to_date date NOT NULL,
  note text,
  CHECK (from_date <= to_date)
);
CREATE INDEX days_off_staff ON days_off (staff_id, to_date);

CREATE TABLE clients (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  phone text,
  address text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX clients_email ON clients (lower(email));

-- occupied = [start - buffer_before, end + buffer_after + gap), fixed when the booking is made
-- (core/slots.ts occupiedSpan). Bookings that occupy time may not overlap for one staff member:
-- this constraint is the guarantee against double booking. A hold (pending_verification,
-- awaiting_payment) past hold_until no longer occupies time: the writer expires such rows in the
-- same transaction before inserting (store/bookings.ts), so the constraint never sees them.
CREATE TABLE bookings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  service_id bigint NOT NULL REFERENCES services (id),
  staff_id bigint NOT NULL REFERENCES staff (id),
  client_id bigint REFERENCES clients (id),
  client_name text NOT NULL,
  client_email text NOT NULL,
  client_phone text,
  client_address text,
  notes text NOT NULL DEFAULT '',
  wants_reminder boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'en',
  timezone text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending_verification', 'awaiting_payment', 'confirmed', 'cancelled', 'expired')),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  occupied tstzrange NOT NULL,
  hold_until timestamptz,
  payment_option text NOT NULL CHECK (payment_option IN ('none', 'full', 'deposit')),
  amount_due_minor bigint NOT NULL DEFAULT 0 CHECK (amount_due_minor >= 0),
  amount_paid_minor bigint NOT NULL DEFAULT 0 CHECK (amount_paid_minor >= 0),
  currency char(3) NOT NULL,
  price_minor bigint NOT NULL DEFAULT 0,
  reschedule_count integer NOT NULL DEFAULT 0,
  manage_token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (start_at < end_at),
  CHECK (lower(occupied) <= start_at AND upper(occupied) >= end_at),
  CHECK (status NOT IN ('pending_verification', 'awaiting_payment') OR hold_until IS NOT NULL),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (staff_id WITH =, occupied WITH &&)
    WHERE (status IN ('pending_verification', 'awaiting_payment', 'confirmed'))
);
CREATE INDEX bookings_start ON bookings (start_at);
CREATE INDEX bookings_client_email ON bookings (lower(client_email));

-- Idempotency-Key replay store for POST /bookings. The manage token of the first response is
-- kept only encrypted (token_sealed), and rows are purged after 24 hours.
CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  request_hash text NOT NULL,
  status integer,
  body jsonb,
  token_sealed text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Dashboard accounts (sign-in arrives with the dashboard; `slotwise import` creates admins).
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'staff')),
  staff_id bigint REFERENCES staff (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role = 'admin' OR staff_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
