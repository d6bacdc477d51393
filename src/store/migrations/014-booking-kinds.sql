-- Group sessions sold as seats (SPEC §9.1, docs/decisions/030-seats-in-the-database.md).

-- A service with capacity > 1 sells seats in a session = (staff member, start); one booking takes
-- 1 to max_seats_per_booking of them.
ALTER TABLE services ADD COLUMN capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 1000);
ALTER TABLE services ADD COLUMN max_seats_per_booking integer NOT NULL DEFAULT 1;
ALTER TABLE services ADD CONSTRAINT services_max_seats CHECK (max_seats_per_booking BETWEEN 1 AND capacity);

ALTER TABLE bookings ADD COLUMN seats integer NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 1000);

-- Which bookings may share their occupied time: the bookings of one session ('s' service @ start
-- in ms) share it, any other booking ('b' id) shares it with nobody. Set by the trigger below, never
-- by the application, so a client cannot make two bookings "one session".
ALTER TABLE bookings ADD COLUMN session_key text;
UPDATE bookings SET session_key = 'b' || id;
ALTER TABLE bookings ALTER COLUMN session_key SET NOT NULL;

-- The guarantee against double booking, widened to sessions: two occupying bookings of a member may
-- overlap only when they are seats of the same session.
ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
  staff_id WITH =, occupied WITH &&, session_key WITH <>)
  WHERE (status IN ('pending_verification', 'awaiting_payment', 'confirmed'));
CREATE INDEX bookings_session ON bookings (staff_id, session_key);

-- The seat count of a session, enforced in the booking's own statement: under the member's
-- advisory lock (the one every booking writer takes, store/bookings.ts), the seats of the session's
-- occupying bookings plus the new row's may not pass the service's capacity. A plpgsql statement
-- in READ COMMITTED reads a fresh snapshot, so it sees every seat committed before the lock was
-- granted. "Now" is the row's updated_at (the application's clock), as for the lapsed holds.
CREATE FUNCTION bookings_session_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken bigint;
BEGIN
  SELECT capacity INTO cap FROM services WHERE id = NEW.service_id;
  IF cap IS NULL OR cap <= 1 THEN
    NEW.session_key := 'b' || NEW.id;
    RETURN NEW;
  END IF;
  NEW.session_key := 's' || NEW.service_id || '@' || (extract(epoch FROM NEW.start_at) * 1000)::bigint;
  IF NEW.status NOT IN ('pending_verification', 'awaiting_payment', 'confirmed') THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('slotwise:staff-bookings:' || NEW.staff_id, 0));
  SELECT coalesce(sum(seats), 0) INTO taken FROM bookings
  WHERE staff_id = NEW.staff_id AND session_key = NEW.session_key AND id <> NEW.id
    AND (status = 'confirmed'
      OR (status IN ('pending_verification', 'awaiting_payment') AND hold_until > NEW.updated_at));
  IF taken + NEW.seats > cap THEN
    RAISE EXCEPTION 'no seat left: % of % taken', taken, cap
      USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_session_seats';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER bookings_session_seats BEFORE INSERT OR UPDATE OF service_id, staff_id, start_at, seats, status
  ON bookings FOR EACH ROW EXECUTE FUNCTION bookings_session_seats();
