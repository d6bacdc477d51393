-- Business rules clients meet (SPEC §10.1–10.3, issue 20; decisions 027 and 029): intake
-- questions and their answers, cancellation policies and what a cancel decided, no-shows.

-- A service's intake questions, in the order asked (core/questions.ts; retired ones stay, so
-- their past answers keep their meaning), and its cancellation tiers (core/cancellation-policy.ts;
-- [] = no policy: free cancellation up to the business's cancel notice). Checked by the use cases
-- and the set-up file; the database only keeps them lists.
ALTER TABLE services ADD COLUMN questions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(questions) = 'array');
ALTER TABLE services ADD COLUMN cancellation_policy jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(cancellation_policy) = 'array');

-- No-shows a client may have before their next paid booking must be paid in full (0 = off).
ALTER TABLE business ADD COLUMN no_show_limit integer NOT NULL DEFAULT 0 CHECK (no_show_limit BETWEEN 0 AND 100);

-- A booking's answers. `answers` holds the open ones as JSON; the sensitive ones are only ever
-- written encrypted (AES-256-GCM under a key derived from SLOTWISE_SECRET, bound to the booking's
-- reference: app/sensitive-answers.ts), so their text never reaches the database, its log or a
-- backup.
ALTER TABLE bookings ADD COLUMN answers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object');
ALTER TABLE bookings ADD COLUMN answers_sealed text;

-- What became of a past confirmed booking (staff mark it). A no-show counts toward noShowLimit.
ALTER TABLE bookings ADD COLUMN outcome text CHECK (outcome IN ('completed', 'no_show'));
ALTER TABLE bookings ADD COLUMN outcome_at timestamptz;
-- The client's no-shows are counted by email when they book.
CREATE INDEX bookings_no_shows ON bookings (lower(client_email)) WHERE outcome = 'no_show';

-- What a cancel decided (SPEC §10.2): the tier's refund kind, the money to give back and the money
-- kept (minor units of what was paid), who cancelled, and whether an admin chose another refund
-- than the tier's. Null for bookings cancelled before this migration, and for dropped holds.
ALTER TABLE bookings ADD COLUMN cancel_refund text CHECK (cancel_refund IN ('full', 'deposit_kept', 'none', 'none_online'));
ALTER TABLE bookings ADD COLUMN refund_due_minor bigint CHECK (refund_due_minor >= 0);
ALTER TABLE bookings ADD COLUMN amount_kept_minor bigint CHECK (amount_kept_minor >= 0);
ALTER TABLE bookings ADD COLUMN cancelled_by text CHECK (cancelled_by IN ('client', 'staff'));
ALTER TABLE bookings ADD COLUMN refund_overridden boolean NOT NULL DEFAULT false;
ALTER TABLE bookings ADD CONSTRAINT bookings_cancel_terms CHECK (
  cancel_refund IS NULL OR (refund_due_minor IS NOT NULL AND amount_kept_minor IS NOT NULL AND cancelled_by IS NOT NULL));

-- The history was moves only; it now also records a cancel with its refund, and an outcome mark.
-- A cancel or a mark leaves start and staff as they were (from = to).
ALTER TABLE booking_history ADD COLUMN kind text NOT NULL DEFAULT 'moved' CHECK (kind IN ('moved', 'cancelled', 'outcome'));
ALTER TABLE booking_history ADD COLUMN refund text CHECK (refund IN ('full', 'deposit_kept', 'none', 'none_online'));
ALTER TABLE booking_history ADD COLUMN refund_due_minor bigint;
ALTER TABLE booking_history ADD COLUMN amount_kept_minor bigint;
ALTER TABLE booking_history ADD COLUMN outcome text CHECK (outcome IN ('completed', 'no_show'));
