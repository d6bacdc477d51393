-- Availability from every source (SPEC §8, docs/decisions/026 and 028): date-specific hours, time
-- off with times, external busy calendars, and shared resources with their own exclusion constraint.

-- Date-specific hours (§8.1): a date listed here is worked only in its own ranges, which replace
-- that date's weekly hours; a date listed without ranges is not worked. Ranges of one date may not
-- overlap (the database refuses it, as for weekly hours).
CREATE TABLE date_hours (
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  date date NOT NULL CHECK (date BETWEEN '1900-01-01' AND '2999-12-31'),
  PRIMARY KEY (staff_id, date)
);
CREATE TABLE date_hour_ranges (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id bigint NOT NULL,
  date date NOT NULL,
  start_minute integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (start_minute < end_minute),
  FOREIGN KEY (staff_id, date) REFERENCES date_hours (staff_id, date) ON DELETE CASCADE,
  EXCLUDE USING gist (staff_id WITH =, date WITH =, int4range(start_minute, end_minute) WITH &&)
);

-- Time off with times (§8.2): [from_local, to_local) as local date-times in the member's zone
-- (timestamp without zone: the core reads them in whatever zone the member has when asked).
CREATE TABLE time_blocks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  from_local timestamp(0) NOT NULL CHECK (from_local >= '1900-01-01' AND from_local < '3000-01-01'),
  to_local timestamp(0) NOT NULL CHECK (to_local >= '1900-01-01' AND to_local < '3000-01-01'),
  note text,
  CHECK (from_local < to_local)
);
CREATE INDEX time_blocks_staff ON time_blocks (staff_id, to_local);

-- External busy calendars (§8.3). The URL is a secret (it grants reading someone's calendar): it is
-- stored as given because it must be fetched, and shown masked. next_fetch_at is the poll's due time,
-- moved on by the worker's sweep with a compare-and-set (one process queues each fetch per round);
-- NULL = not polled. fetch_started_at is when the fetch whose outcome is recorded began: a slower,
-- older fetch never overwrites a newer one. A failed fetch records last_error and keeps the last good
-- copy (last_success_at, events and the rows below stay as they were).
CREATE TABLE staff_calendars (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  url text NOT NULL CHECK (length(url) <= 2000),
  label text NOT NULL DEFAULT '' CHECK (length(label) <= 200),
  created_at timestamptz NOT NULL,
  next_fetch_at timestamptz,
  fetch_started_at timestamptz,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  events integer NOT NULL DEFAULT 0 CHECK (events >= 0)
);
CREATE INDEX staff_calendars_staff ON staff_calendars (staff_id);
CREATE INDEX staff_calendars_due ON staff_calendars (next_fetch_at) WHERE next_fetch_at IS NOT NULL;

-- A feed's last good copy, expanded: busy intervals as instants (read like bookings' occupied spans),
-- and the dates of all-day events (blocked whole in the member's zone by the core).
CREATE TABLE calendar_busy (
  calendar_id bigint NOT NULL REFERENCES staff_calendars (id) ON DELETE CASCADE,
  staff_id bigint NOT NULL,
  span tstzrange NOT NULL
);
CREATE INDEX calendar_busy_calendar ON calendar_busy (calendar_id);
CREATE INDEX calendar_busy_staff ON calendar_busy USING gist (staff_id, span);
CREATE TABLE calendar_dates (
  calendar_id bigint NOT NULL REFERENCES staff_calendars (id) ON DELETE CASCADE,
  staff_id bigint NOT NULL,
  date date NOT NULL,
  PRIMARY KEY (calendar_id, date)
);
CREATE INDEX calendar_dates_staff ON calendar_dates (staff_id, date);

-- Shared resources (§8.4): a room, a scanner. A service may require any number of them.
CREATE TABLE resources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL UNIQUE CHECK (key ~ '^[A-Za-z0-9_-]{1,64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE service_resources (
  service_id bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  resource_id bigint NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, resource_id)
);
CREATE INDEX service_resources_resource ON service_resources (resource_id);

-- What each booking holds on each resource its service required when it was made:
-- held = [start - buffer_before, end + buffer_after) (core/busy.ts heldSpan; the staff member's gap
-- is rest time of a person, not of a room). Two holds of one resource never overlap: this
-- constraint is the guarantee, as bookings_no_overlap is for staff. A row exists only while its
-- booking occupies time: the trigger below deletes it in the same statement that moves the booking
-- to a status that does not (cancelled, expired), whichever code path does it. A hold past its
-- hold_until is expired by the writer that meets it (store/bookings.ts), as for staff.
CREATE TABLE booking_resources (
  booking_id bigint NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  resource_id bigint NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  held tstzrange NOT NULL,
  PRIMARY KEY (booking_id, resource_id),
  CONSTRAINT booking_resources_no_overlap EXCLUDE USING gist (resource_id WITH =, held WITH &&)
);

CREATE FUNCTION slotwise_release_resources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM booking_resources WHERE booking_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER bookings_release_resources AFTER UPDATE OF status ON bookings
  FOR EACH ROW WHEN (NEW.status NOT IN ('pending_verification', 'awaiting_payment', 'confirmed'))
  EXECUTE FUNCTION slotwise_release_resources();

-- The new catalogue tables reach every server process's cache like the others (migration 008).
CREATE TRIGGER date_hours_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON date_hours
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER date_hour_ranges_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON date_hour_ranges
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER time_blocks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON time_blocks
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER resources_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON resources
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
CREATE TRIGGER service_resources_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_resources
  FOR EACH STATEMENT EXECUTE FUNCTION slotwise_catalog_changed();
