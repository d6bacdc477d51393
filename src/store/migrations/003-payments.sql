-- Payment gateway callbacks, one row per gateway transaction: a repeated transactionId is a replay.
CREATE TABLE payments (
  transaction_id text PRIMARY KEY CHECK (length(transaction_id) BETWEEN 1 AND 200),
  booking_id bigint NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('paid', 'failed')),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_booking ON payments (booking_id);
