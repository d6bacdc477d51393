-- Rate limits (docs/SECURITY.md), kept in the database so they hold across server processes.
-- One row per limited key: its "theoretical arrival time" (GCRA, epoch ms). A hit is allowed when
-- the new arrival time stays within one window of now; a row whose time has passed is the same as
-- no row and is deleted by later hits. The key is the limit's name and a SHA-256 of the value
-- (an address, an email, a booking), so no email or address is kept here in clear.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  tat bigint NOT NULL
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);
