-- The client lifecycle: verification codes, extra manage links, reminders on the row, durable
-- jobs (the outbox), and the dev mailbox.

-- Reminders are state on the booking (STYLE 15): remind_at is set when a booking becomes
-- confirmed (core/reminders.ts remindAt), moved by a reschedule, cleared by a cancel; the job
-- worker's sweep claims due rows with a compare-and-set and turns each into one email job.
ALTER TABLE bookings ADD COLUMN remind_at timestamptz;
ALTER TABLE bookings ADD COLUMN reminded_at timestamptz;
CREATE INDEX bookings_remind_at ON bookings (remind_at) WHERE remind_at IS NOT NULL;

-- Further manage links for one booking. Every client email carries a link, but only a hash of a
-- token is ever stored, so each email gets a fresh random token whose SHA-256 is kept here
-- (bookings.manage_token_hash holds the one returned at creation).
CREATE TABLE manage_tokens (
  token_hash bytea PRIMARY KEY,
  booking_id bigint NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX manage_tokens_booking ON manage_tokens (booking_id);

-- One verification code per booking waiting for it. code_hash is HMAC-SHA256 under the server
-- secret (a plain hash of six digits would be reversed at once); it is NULL until the email job
-- has made and sent the code. requested_at limits re-sends to one a minute.
CREATE TABLE verification_codes (
  booking_id bigint PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
  code_hash bytea,
  issued_at timestamptz,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  requested_at timestamptz NOT NULL
);

-- Durable jobs. Written in the same transaction as the change that causes them; claimed with
-- FOR UPDATE SKIP LOCKED and a lease (locked_until), so with several processes each job runs
-- once, and a job whose process died is taken again after its lease.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 10 CHECK (max_attempts > 0),
  locked_by text,
  locked_until timestamptz,
  done_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL;

-- What the dev outbox transport "sent" (demo and development; never used with MAIL_URL).
CREATE TABLE dev_mailbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipients text[] NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  attachments jsonb NOT NULL DEFAULT '[]',
  sent_at timestamptz NOT NULL
);
