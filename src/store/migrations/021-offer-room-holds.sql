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
