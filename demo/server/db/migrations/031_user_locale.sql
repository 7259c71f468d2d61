-- The language a dashboard user chose (PATCH /v1/auth/me/preferences), so the dashboard opens in
-- it on every device and after every login. NULL: never chosen, the browser's languages decide.
-- The list of languages is checked by the route (zod), not here: adding a language to the
-- dashboard must not need a migration.
ALTER TABLE users ADD COLUMN locale text CHECK (char_length(locale) BETWEEN 2 AND 35);
