-- Reschedules and cancellations by the client (manage link) or staff.
CREATE TABLE booking_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  booking_id bigint NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  from_start timestamptz NOT NULL,
  to_start timestamptz NOT NULL,
  from_staff_id bigint NOT NULL REFERENCES staff (id),
  to_staff_id bigint NOT NULL REFERENCES staff (id),
  reason text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_history_booking ON booking_history (booking_id, id);

ALTER TABLE bookings ADD COLUMN cancelled_at timestamptz;
ALTER TABLE bookings ADD COLUMN cancel_reason text;
