-- A waitlist offer holds its service's resources too (SPEC §9.3, §8.4; docs/decisions/041).
--
-- Migration 018 held a freed start by the member's time only: the room the service needs stayed
-- free, another service's booking could take it during the offer, and the offered client's accept
-- then failed. A row of booking_resources may now belong to a live offer (offer_id), written with
-- the offer in its transaction over the span a booking there would hold (core heldSpan: the
-- service's buffers, no gap). The exclusion constraint booking_resources_no_overlap is unchanged,
-- so it refuses a second holder of the room whoever writes it, on both databases.
--
-- The hold ends when the offer does:
-- - accepted: the booking takes the offer's rows over in its own insert (an UPDATE of the owner,
--   store/resources.ts insertHolds / joinSessionHolds), so the room is never free in between;
-- - declined, lapsed (the lapse job), its entry left: the trigger below deletes what is left, in
--   the statement that closes the offer, whatever code path wrote it;
-- - lapsed by the clock before its job ran: readers ignore a hold whose offer's expires_at passed,
--   and a writer it stands in the way of deletes it (store/resources.ts expireLapsedResourceHolds);
-- - its entry or offer deleted (client erased, service deleted): ON DELETE CASCADE.
ALTER TABLE booking_resources ADD COLUMN offer_id bigint REFERENCES waitlist_offers (id) ON DELETE CASCADE;
ALTER TABLE booking_resources DROP CONSTRAINT booking_resources_owner;
ALTER TABLE booking_resources ADD CONSTRAINT booking_resources_owner CHECK (
  (booking_id IS NOT NULL AND staff_id IS NULL AND session_key IS NULL AND offer_id IS NULL)
  OR (booking_id IS NULL AND staff_id IS NOT NULL AND session_key LIKE 's%' AND offer_id IS NULL)
  OR (booking_id IS NULL AND staff_id IS NULL AND session_key IS NULL AND offer_id IS NOT NULL));
ALTER TABLE booking_resources ADD CONSTRAINT booking_resources_offer_key UNIQUE (offer_id, resource_id);

CREATE FUNCTION slotwise_release_offer_holds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM booking_resources WHERE offer_id = OLD.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER waitlist_offers_release_holds AFTER UPDATE OF status ON waitlist_offers
  FOR EACH ROW WHEN (OLD.status = 'live' AND NEW.status <> 'live') EXECUTE FUNCTION slotwise_release_offer_holds();

-- An offer at a group session that already holds the room writes no row of its own (the session's
-- hold covers it, store/resources.ts insertOfferHolds). When the session's last seat then leaves
-- while the offer is live, the session's rows pass to the offer instead of going, in the same
-- statement: the room stays held for the offered seats. Otherwise as migration 020.
CREATE OR REPLACE FUNCTION slotwise_release_session_holds() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF EXISTS (SELECT 1 FROM bookings b
             WHERE b.staff_id = OLD.staff_id AND b.session_key = OLD.session_key AND b.id <> OLD.id
               AND b.status IN ('pending_verification', 'awaiting_payment', 'confirmed')) THEN
    RETURN NULL;
  END IF;
  -- One live offer per member and span at most (waitlist_offers_one_live).
  UPDATE booking_resources br SET staff_id = NULL, session_key = NULL, offer_id = o.id
  FROM waitlist_offers o
  WHERE br.staff_id = OLD.staff_id AND br.session_key = OLD.session_key
    AND o.staff_id = OLD.staff_id AND o.status = 'live'
    AND 's' || o.service_id || '@' || (extract(epoch FROM o.start_at) * 1000)::bigint = OLD.session_key;
  DELETE FROM booking_resources br WHERE br.staff_id = OLD.staff_id AND br.session_key = OLD.session_key;
  RETURN NULL;
END
$$;

-- A room freed frees time for every service that needs it, not only the one whose hold went (SPEC
-- §9.3 "when time frees"; decision 041): whenever a hold row is deleted — a booking cancelled or
-- expired, a session's last seat gone, an offer declined, lapsed or cleared by a writer — and
-- someone waits, around that date, for a service needing that resource, a `waitlist.freed-span`
-- job (migration 018's, for blocks) is queued for each member giving that service, over the span
-- in the member's zone, in the same statement. The job offers each start of the member's services
-- free in the span; a start the freeing transaction passed on meanwhile is held and not offered
-- twice (waitlist_offers_one_live). A hold taken over (accepted offer, session handover) is an
-- UPDATE and queues nothing. A row trigger: a status change of a booking holding nothing (most)
-- costs nothing; a booking holding two rooms queues the member's span twice (the job is idempotent).
CREATE FUNCTION booking_resources_waitlist_freed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO jobs (kind, payload, run_at, created_at)
  SELECT DISTINCT 'waitlist.freed-span', jsonb_build_object('staffId', ss.staff_id::text,
      'from', to_char(lower(OLD.held) AT TIME ZONE z.zone, 'YYYY-MM-DD"T"HH24:MI'),
      'to', to_char(upper(OLD.held) AT TIME ZONE z.zone, 'YYYY-MM-DD"T"HH24:MI')),
    now(), now()
  FROM service_resources sr
  JOIN staff_services ss ON ss.service_id = sr.service_id
  JOIN staff st ON st.id = ss.staff_id
  CROSS JOIN LATERAL (SELECT coalesce(st.timezone, (SELECT b.timezone FROM business b LIMIT 1)) AS zone) z
  WHERE sr.resource_id = OLD.resource_id
    AND EXISTS (SELECT 1 FROM waitlist_entries e
                WHERE e.service_id = sr.service_id AND e.status = 'waiting'
                  AND (e.staff_id IS NULL OR e.staff_id = ss.staff_id)
                  AND e.date BETWEEN lower(OLD.held)::date - 1 AND upper(OLD.held)::date + 1);
  RETURN NULL;
END
$$;
CREATE TRIGGER booking_resources_waitlist_freed AFTER DELETE ON booking_resources
  FOR EACH ROW EXECUTE FUNCTION booking_resources_waitlist_freed();
