-- Recurring series (SPEC §9.2, docs/decisions/031-series-in-one-transaction.md).

-- A service lets clients book a series only when the owner allows it (off by default).
ALTER TABLE services ADD COLUMN allow_repeat boolean NOT NULL DEFAULT false;

-- One row per series: what was asked for. Its occurrences are bookings carrying its id; the
-- series' manage token is its first occurrence's (bookings.manage_token_hash), so every existing
-- manage, verification and payment path finds the series through a booking.
CREATE TABLE series (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  frequency text NOT NULL CHECK (frequency IN ('weekly', 'biweekly', 'monthly')),
  count integer NOT NULL CHECK (count BETWEEN 2 AND 52),
  created_at timestamptz NOT NULL
);

ALTER TABLE bookings ADD COLUMN series_id bigint REFERENCES series (id);
CREATE INDEX bookings_series ON bookings (series_id) WHERE series_id IS NOT NULL;
