-- Where a survey definition came from: `file` (SURVEYS_DIR, re-imported at every start) or `api`
-- (the admin API). A file never overwrites a definition edited through the API.
ALTER TABLE surveys ADD COLUMN source text NOT NULL DEFAULT 'api' CHECK (source IN ('file', 'api'));
