-- A group session holds its resources once (SPEC §9.1, §8.4; docs/decisions/035).
--
-- A hold on a resource belongs either to one booking (booking_id, as before) or to one group
-- session (staff_id + session_key, migration 014's key of the session's seats). The first seat of
-- a session writes the session's hold; later seats join it; it goes when the session has no seat
-- left that occupies time (the trigger below). Holds of one resource still never overlap: the
-- exclusion constraint booking_resources_no_overlap is unchanged, and one session is one row per
-- resource, so a second session (or booking) in the same room at the same time is refused by it.
ALTER TABLE booking_resources DROP CONSTRAINT booking_resources_pkey;
ALTER TABLE booking_resources ALTER COLUMN booking_id DROP NOT NULL;
ALTER TABLE booking_resources ADD COLUMN staff_id bigint REFERENCES staff (id) ON DELETE CASCADE;
ALTER TABLE booking_resources ADD COLUMN session_key text;
ALTER TABLE booking_resources ADD CONSTRAINT booking_resources_owner CHECK (
  (booking_id IS NOT NULL AND staff_id IS NULL AND session_key IS NULL)
  OR (booking_id IS NULL AND staff_id IS NOT NULL AND session_key LIKE 's%'));
ALTER TABLE booking_resources ADD CONSTRAINT booking_resources_booking_key UNIQUE (booking_id, resource_id);
ALTER TABLE booking_resources ADD CONSTRAINT booking_resources_session_key UNIQUE (staff_id, session_key, resource_id);

-- A seat leaves its session (cancelled, expired, moved to another start or member, deleted): when
-- no other seat of the session still has an occupying status, the session's holds go, in the same
-- statement, whichever code path did it. Under the member's advisory lock — the one every seat
-- insert takes before writing its row and joining the hold (store/bookings.ts) — so a seat joining
-- concurrently is either seen here (the hold stays) or finds the hold gone and writes it again.
-- A plpgsql statement in READ COMMITTED reads a fresh snapshot once the lock is granted.
-- A seat whose hold lapsed by the clock (no status change) keeps the row; readers ignore a session
-- hold with no seat occupying time at "now", and a writer it stands in the way of expires the
-- lapsed seats (store/resources.ts expireLapsedResourceHolds), which fires this trigger.
CREATE FUNCTION slotwise_release_session_holds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.session_key NOT LIKE 's%' OR OLD.status NOT IN ('pending_verification', 'awaiting_payment', 'confirmed') THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.staff_id = OLD.staff_id AND NEW.session_key = OLD.session_key
       AND NEW.status IN ('pending_verification', 'awaiting_payment', 'confirmed') THEN
      RETURN NULL;
    END IF;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM booking_resources WHERE staff_id = OLD.staff_id AND session_key = OLD.session_key) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('slotwise:staff-bookings:' || OLD.staff_id, 0));
  DELETE FROM booking_resources br
  WHERE br.staff_id = OLD.staff_id AND br.session_key = OLD.session_key
    AND NOT EXISTS (
      SELECT 1 FROM bookings b
      WHERE b.staff_id = OLD.staff_id AND b.session_key = OLD.session_key AND b.id <> OLD.id
        AND b.status IN ('pending_verification', 'awaiting_payment', 'confirmed'));
  RETURN NULL;
END
$$;
-- Only seats of a session call the function at all (a booking of one client per slot costs nothing).
CREATE TRIGGER bookings_release_session_holds AFTER UPDATE OF status, staff_id, start_at OR DELETE ON bookings
  FOR EACH ROW WHEN (OLD.session_key LIKE 's%') EXECUTE FUNCTION slotwise_release_session_holds();
