-- The sender of the business's emails ("Lumen Studio <bookings@lumen.example>"), edited in the
-- dashboard's settings. Null = the MAIL_FROM the server was started with.
ALTER TABLE business ADD COLUMN mail_from text CHECK (mail_from IS NULL OR length(mail_from) BETWEEN 3 AND 320);
