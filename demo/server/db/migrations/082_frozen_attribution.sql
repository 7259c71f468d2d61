-- Kudos attribution that outlives the text it was decided on (recognition/attribution.ts).
-- Whether a submission is attributed to the staff ids it carries depends on its comment, and on
-- whether an earlier submission at the store had the same comment. When retention or an erasure
-- removes comments, the attribution of those submissions, and of later ones with the same text,
-- is written here first; NULL means "decided live from the comment", as before.
ALTER TABLE submissions ADD COLUMN attributed_staff text[];
