-- Retention (docs/security-privacy.md, "What is kept, for how long, and why"): free text, page
-- URLs and contact details are erased from raw rows after a brand's retention periods, while the
-- rollups keep every count (they never read what is erased: has_comment, option ids, ratings, topics).

-- When the personal content of a submission (free text, "Other" text, page URL) was erased, by
-- retention or by a person's request; its scores stay. The partial index is the retention job's
-- queue: it holds only rows still to do, so it shrinks as the job catches up.
ALTER TABLE submissions ADD COLUMN anonymised_at timestamptz;
CREATE INDEX submissions_to_anonymise ON submissions (brand_id, created_at) WHERE anonymised_at IS NULL;

-- Contact details still held, oldest first: the job's other queue.
CREATE INDEX submission_contacts_held ON submission_contacts (created_at) WHERE erased_at IS NULL;

-- Alert events keep the submissions they were raised for (the webhook payload): their text ages
-- out with the submissions'.
ALTER TABLE alert_events ADD COLUMN anonymised_at timestamptz;
CREATE INDEX alert_events_to_anonymise ON alert_events (brand_id, created_at) WHERE anonymised_at IS NULL;

-- A submission body (wire format v1) without anything a person typed: text answers become "" (still
-- answered, as the rollups count them), "Other" free text, any contact and the page URL are removed.
-- Ratings, option ids, consent yes/no, staff ids and the retailer's context stay. One definition
-- for the retention job, a person's erasure and alert payloads.
CREATE FUNCTION anonymised_submission_body(body jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN jsonb_typeof(body) <> 'object' THEN body
    WHEN jsonb_typeof(body->'answers') <> 'array' THEN body #- '{context,page}'
    ELSE jsonb_set(body #- '{context,page}', '{answers}', (
      SELECT coalesce(jsonb_agg(CASE
          WHEN jsonb_typeof(x.a) <> 'object' THEN x.a
          WHEN x.a->>'type' = 'text' THEN jsonb_set(x.a, '{value}', '""')
          ELSE x.a - 'other' - 'contact' END ORDER BY x.i), '[]'::jsonb)
      FROM jsonb_array_elements(body->'answers') WITH ORDINALITY x(a, i)))
  END
$$;

-- An alert event's payload (alerts/payload.ts, text) with the submissions it carries anonymised:
-- all of them (ids null), or those whose id is in ids.
CREATE FUNCTION anonymised_alert_body(body text, ids text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN jsonb_typeof(body::jsonb->'submissions') <> 'array' THEN body
    ELSE jsonb_set(body::jsonb, '{submissions}', (
      SELECT coalesce(jsonb_agg(CASE WHEN ids IS NULL OR x.s->>'id' = ANY (ids) THEN anonymised_submission_body(x.s) ELSE x.s END ORDER BY x.i), '[]'::jsonb)
      FROM jsonb_array_elements(body::jsonb->'submissions') WITH ORDINALITY x(s, i)))::text
  END
$$;
