-- Content per language (SPEC §12, docs/decisions/033-content-per-language.md).

-- The text columns keep the business language's wording (lists, slugs, anything that reads one
-- text); these keep every wording by language ({"en": "…", "pt": "…"}) when the business gave
-- more than one, else NULL. Which languages may be keys is checked before the write (the
-- languages the pages speak); the database only keeps the shape.
ALTER TABLE services ADD COLUMN name_wordings jsonb CHECK (jsonb_typeof(name_wordings) = 'object');
ALTER TABLE services ADD COLUMN description_wordings jsonb CHECK (jsonb_typeof(description_wordings) = 'object');
ALTER TABLE business ADD COLUMN staff_label_wordings jsonb CHECK (jsonb_typeof(staff_label_wordings) = 'object');
