-- The dashboard's language per user (SPEC §12, issue 21): NULL follows the browser's
-- Accept-Language; otherwise one of the languages the product speaks.
ALTER TABLE users ADD COLUMN locale text CHECK (locale IS NULL OR locale IN ('en', 'fr', 'de', 'es', 'pt'));
