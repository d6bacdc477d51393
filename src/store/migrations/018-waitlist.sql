-- The waitlist (SPEC §9.3, docs/decisions/034-waitlist-holds-in-the-database.md): entries, the
-- offers made to them, and the two promises the database keeps: exactly one live offer per freed
-- start, and nobody else books a held start.

-- How long an offer holds its start (business setting, default 30 minutes).
ALTER TABLE business ADD COLUMN waitlist_offer_minutes integer NOT NULL DEFAULT 30
  CHECK (waitlist_offer_minutes BETWEEN 1 AND 1440);

-- An entry: (service, member or any, date, optional earliest start and latest end, seats), read in
-- the zone the client chose the date in (core/waitlist.ts). Only the hash of its leave token is kept.
CREATE TABLE waitlist_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_id bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  staff_id bigint REFERENCES staff (id) ON DELETE CASCADE,
  date date NOT NULL,
  timezone text NOT NULL,
  from_minute integer CHECK (from_minute BETWEEN 0 AND 1439),
  to_minute integer CHECK (to_minute BETWEEN 1 AND 1440),
  seats integer NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 1000),
  client_name text NOT NULL,
  client_email text NOT NULL,
  client_phone text,
  locale text NOT NULL,
  leave_token_hash bytea NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'booked', 'left')),
  created_at timestamptz NOT NULL,
  CHECK (from_minute IS NULL OR to_minute IS NULL OR from_minute < to_minute)
);
CREATE INDEX waitlist_entries_waiting ON waitlist_entries (service_id, date) WHERE status = 'waiting';

-- An offer holds (member, start) for its entry until expires_at: `occupied` is the span a booking of
-- the service would occupy there (buffers and gap included), as bookings.occupied.
CREATE TABLE waitlist_offers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id bigint NOT NULL REFERENCES waitlist_entries (id) ON DELETE CASCADE,
  service_id bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  occupied tstzrange NOT NULL,
  seats integer NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 1000),
  expires_at timestamptz NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'accepted', 'declined', 'lapsed')),
  booking_id bigint REFERENCES bookings (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (start_at < end_at),
  CHECK (lower(occupied) <= start_at AND upper(occupied) >= end_at),
  -- Exactly one live offer per freed start: two live offers of one member never overlap, whichever
  -- process makes them. A live offer past expires_at stays live until its lapse job passes it on.
  CONSTRAINT waitlist_offers_one_live EXCLUDE USING gist (staff_id WITH =, occupied WITH &&) WHERE (status = 'live')
);
-- One live offer per entry at a time (a client is not asked twice at once).
CREATE UNIQUE INDEX waitlist_offers_live_entry ON waitlist_offers (entry_id) WHERE status = 'live';
CREATE INDEX waitlist_offers_start ON waitlist_offers (staff_id, start_at);

-- The booking an accepted offer became; it alone may take the offer's held span, and only once.
ALTER TABLE bookings ADD COLUMN waitlist_offer_id bigint REFERENCES waitlist_offers (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX bookings_waitlist_offer ON bookings (waitlist_offer_id) WHERE waitlist_offer_id IS NOT NULL;

-- Nobody else books a held start: a booking row that comes to occupy time (insert, move, another
-- member) is refused while a live, unexpired offer of its member overlaps it, unless the row is
-- that offer's own booking. Checked under the member's advisory lock, the one every booking writer
-- and every offer takes (store/bookings.ts), so a hold committed while the writer waited is seen:
-- a plpgsql statement in READ COMMITTED reads a fresh snapshot. "Now" is the row's updated_at (the
-- application's clock), as for seats. The refusal is an exclusion violation, as for two bookings.
CREATE FUNCTION bookings_waitlist_held() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('pending_verification', 'awaiting_payment', 'confirmed') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status IN ('pending_verification', 'awaiting_payment', 'confirmed')
     AND OLD.staff_id = NEW.staff_id AND OLD.occupied = NEW.occupied THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('slotwise:staff-bookings:' || NEW.staff_id, 0));
  IF EXISTS (SELECT 1 FROM waitlist_offers o
             WHERE o.staff_id = NEW.staff_id AND o.status = 'live' AND o.expires_at > NEW.updated_at
               AND o.occupied && NEW.occupied AND o.id IS DISTINCT FROM NEW.waitlist_offer_id) THEN
    RAISE EXCEPTION 'held for a waitlist offer'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'waitlist_offers_held';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER bookings_waitlist_held BEFORE INSERT OR UPDATE OF staff_id, occupied, status
  ON bookings FOR EACH ROW EXECUTE FUNCTION bookings_waitlist_held();

-- An offer only holds free time: under the member's lock, no occupying booking may overlap it,
-- except seats of the same group session while the session keeps the offer's seats free.
CREATE FUNCTION waitlist_offers_free() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  session text;
  taken bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('slotwise:staff-bookings:' || NEW.staff_id, 0));
  SELECT capacity INTO cap FROM services WHERE id = NEW.service_id;
  session := CASE WHEN cap > 1
    THEN 's' || NEW.service_id || '@' || (extract(epoch FROM NEW.start_at) * 1000)::bigint END;
  IF EXISTS (SELECT 1 FROM bookings b
             WHERE b.staff_id = NEW.staff_id AND b.occupied && NEW.occupied
               AND b.session_key IS DISTINCT FROM session
               AND (b.status = 'confirmed'
                 OR (b.status IN ('pending_verification', 'awaiting_payment') AND b.hold_until > NEW.created_at))) THEN
    RAISE EXCEPTION 'the start is not free'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'waitlist_offers_free';
  END IF;
  IF session IS NOT NULL THEN
    SELECT coalesce(sum(seats), 0) INTO taken FROM bookings b
    WHERE b.staff_id = NEW.staff_id AND b.session_key = session
      AND (b.status = 'confirmed'
        OR (b.status IN ('pending_verification', 'awaiting_payment') AND b.hold_until > NEW.created_at));
    IF taken + NEW.seats > cap THEN
      RAISE EXCEPTION 'no seat left for the offer'
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'waitlist_offers_free';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER waitlist_offers_free BEFORE INSERT ON waitlist_offers
  FOR EACH ROW EXECUTE FUNCTION waitlist_offers_free();

-- Time freed (a cancel, a move away, a hold expired by a writer): whatever code path changes the
-- row, a durable job to offer the freed start is queued in the same transaction, when anyone waits
-- for that service (jobs/handlers.ts 'waitlist.freed'; a crash after the commit loses nothing).
CREATE FUNCTION bookings_waitlist_freed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.status NOT IN ('pending_verification', 'awaiting_payment', 'confirmed')
      OR NEW.occupied <> OLD.occupied OR NEW.staff_id <> OLD.staff_id)
     AND EXISTS (SELECT 1 FROM waitlist_entries e WHERE e.service_id = OLD.service_id AND e.status = 'waiting') THEN
    INSERT INTO jobs (kind, payload, run_at, created_at)
    VALUES ('waitlist.freed', jsonb_build_object(
        'serviceId', OLD.service_id::text, 'staffId', OLD.staff_id::text,
        'start', (extract(epoch FROM OLD.start_at) * 1000)::bigint,
        'end', (extract(epoch FROM OLD.end_at) * 1000)::bigint),
      NEW.updated_at, NEW.updated_at);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER bookings_waitlist_freed AFTER UPDATE OF status, occupied, staff_id ON bookings
  FOR EACH ROW WHEN (OLD.status IN ('pending_verification', 'awaiting_payment', 'confirmed'))
  EXECUTE FUNCTION bookings_waitlist_freed();

-- A hold (waiting for its code or its payment) frees its time by the clock, with no write: when it
-- is made while someone waits for its service, a freed-start job is queued for its hold_until (the
-- job finds the start still busy if the booking was confirmed meanwhile, and offers nothing).
-- Holds already standing when someone joins are queued by the join (store/waitlist.ts).
CREATE FUNCTION bookings_waitlist_hold_lapse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM waitlist_entries e WHERE e.service_id = NEW.service_id AND e.status = 'waiting') THEN
    INSERT INTO jobs (kind, payload, run_at, created_at)
    VALUES ('waitlist.freed', jsonb_build_object(
        'serviceId', NEW.service_id::text, 'staffId', NEW.staff_id::text,
        'start', (extract(epoch FROM NEW.start_at) * 1000)::bigint,
        'end', (extract(epoch FROM NEW.end_at) * 1000)::bigint),
      NEW.hold_until, NEW.updated_at);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER bookings_waitlist_hold_lapse AFTER INSERT ON bookings
  FOR EACH ROW WHEN (NEW.status IN ('pending_verification', 'awaiting_payment') AND NEW.hold_until IS NOT NULL)
  EXECUTE FUNCTION bookings_waitlist_hold_lapse();

-- A block shortened or removed frees its old span (SPEC §9.3 "a shortened block"): when anyone
-- waits, a job to offer what became free in it is queued in the same transaction. The span is the
-- block's local date-times; the job reads them in the member's zone (app/waitlist/offer-freed-span.ts).
CREATE FUNCTION time_blocks_waitlist_freed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM waitlist_entries e
             WHERE e.status = 'waiting' AND (e.staff_id IS NULL OR e.staff_id = OLD.staff_id)
               AND e.date BETWEEN OLD.from_local::date - 1 AND OLD.to_local::date + 1) THEN
    INSERT INTO jobs (kind, payload, run_at, created_at)
    VALUES ('waitlist.freed-span', jsonb_build_object('staffId', OLD.staff_id::text,
        'from', to_char(OLD.from_local, 'YYYY-MM-DD"T"HH24:MI'), 'to', to_char(OLD.to_local, 'YYYY-MM-DD"T"HH24:MI')),
      now(), now());
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER time_blocks_waitlist_freed AFTER UPDATE OR DELETE ON time_blocks
  FOR EACH ROW EXECUTE FUNCTION time_blocks_waitlist_freed();
