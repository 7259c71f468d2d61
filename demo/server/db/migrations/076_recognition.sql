-- Recognition (issue 15.4, docs/collector.md "Recognition"): a manager forwards a customer's
-- kudos to the staff member it is attributed to, with their own thanks.
CREATE TABLE kudos_thanks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  brand_id text NOT NULL,
  staff_id text NOT NULL,
  -- the store of the kudos (the manager's scope when it was sent)
  store_id text,
  text text NOT NULL,
  author_id bigint REFERENCES users (id) ON DELETE SET NULL,
  -- kept with the thanks so it stays readable after the manager's account is gone or renamed
  author_name text NOT NULL,
  created_at timestamptz NOT NULL,
  -- one forward per kudos and person: a second one edits the first (the staff member sees one thanks)
  UNIQUE (submission_id, staff_id)
);
CREATE INDEX kudos_thanks_staff ON kudos_thanks (brand_id, staff_id, created_at DESC);

-- The attribution rule asks whether the store already got the same comment (a preset phrase, a
-- copied text): one index lookup per kudos instead of a scan of the store's history.
CREATE INDEX submissions_store_comment ON submissions (brand_id, store_id, md5(lower(btrim(comment)))) WHERE comment IS NOT NULL;
