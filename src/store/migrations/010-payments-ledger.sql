-- The payments ledger (SPEC §10.4): every validly signed gateway callback is kept, also one that
-- could not be applied to its booking (hold lapsed, booking cancelled, paid twice, wrong amount).
-- A transaction may be reported once per status ("failed", then "paid" when the client tries
-- again): the same (transaction_id, status) again is a replay and changes nothing.
ALTER TABLE payments DROP CONSTRAINT payments_pkey;
ALTER TABLE payments ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE payments ADD CONSTRAINT payments_transaction_status_key UNIQUE (transaction_id, status);

-- A mismatched amount may not be expressible in minor units of its currency ("29.999" EUR): then
-- only the decimal the gateway sent is kept, in amount_text.
ALTER TABLE payments ALTER COLUMN amount_minor DROP NOT NULL;
ALTER TABLE payments ADD COLUMN amount_text text CHECK (amount_text ~ '^[0-9]{1,13}([.][0-9]{1,3})?$');
ALTER TABLE payments ADD CONSTRAINT payments_amount_known CHECK (amount_minor IS NOT NULL OR amount_text IS NOT NULL);

-- Rows before this migration were all applied (anything else was refused and not recorded).
ALTER TABLE payments ADD COLUMN applied boolean NOT NULL DEFAULT true;
ALTER TABLE payments ALTER COLUMN applied DROP DEFAULT;
ALTER TABLE payments ADD COLUMN reason text CHECK (
  reason IN ('amount_mismatch', 'hold_expired', 'booking_cancelled', 'already_paid', 'not_awaiting_payment'));
ALTER TABLE payments ADD CONSTRAINT payments_unapplied_has_reason CHECK (applied = (reason IS NULL));

-- While the client is at the gateway the hold is extended once (SPEC §10.4): when that happened.
ALTER TABLE bookings ADD COLUMN hold_extended_at timestamptz;
