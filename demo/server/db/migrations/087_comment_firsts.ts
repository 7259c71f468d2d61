/**
 * Recognition's "a comment the store did not already get" (recognition/attribution.ts), decided
 * once when submissions are inserted instead of on every read.
 *
 * Before, each kudos candidate asked the store's history for an earlier identical comment. Where
 * comments repeat (presets, copies) no candidate is a kudos, so the kudos list checked every
 * positive comment of the range: a brand's year took 7.6 s at 10 million submissions
 * (bench/README.md). Now:
 *
 * - `store_comment_firsts` holds, per store and comment key, the earliest submission (by time,
 *   then id) with that comment. A statement-level trigger keeps it: one upsert per INSERT, in key
 *   order (like the rollups, so concurrent inserts cannot deadlock), moved earlier when an
 *   earlier submission arrives late. The unique key makes two identical comments inserted at
 *   once by two transactions agree on one first: the second waits for the first to commit.
 * - Each entry keeps whether its submission is a carried kudos candidate, and the ids it
 *   carries, so the per-store kudos counts read a partial index of the candidates alone.
 * - `submissions_kudos_named` indexes the other feedback that can name someone (a staff
 *   question's answer, a frozen attribution, staff ids without a store), so the kudos list reads
 *   the stores' first comments and these, not every positive comment.
 *
 * The backfill reads every comment once: 60 s for 2.5 million comments at 10 million submissions.
 */
import { carriedCandidateSql, commentKeySql, namedOtherwiseSql } from '../../recognition/attribution.js';

const key = (alias: string) => commentKeySql(alias);

export const sql = `
CREATE TABLE store_comment_firsts (
  brand_id text NOT NULL,
  store_id text NOT NULL,
  -- the first submission's region, so a regional manager's kudos walk their region's first comments
  region_id text,
  -- ${key('submission')}: the text without case and surrounding spaces
  comment_key text NOT NULL,
  submission_id uuid NOT NULL,
  -- the submission's created_at, so the kudos list walks first comments by time
  created_at timestamptz NOT NULL,
  -- whether the submission is a carried kudos candidate, and the staff ids it carries: the
  -- per-store kudos counts read these instead of every first comment's submission
  kudos_candidate boolean NOT NULL,
  staff_ids text[] NOT NULL,
  PRIMARY KEY (brand_id, store_id, comment_key)
);
-- The kudos list of a brand, a region and a store, newest first.
CREATE INDEX store_comment_firsts_time ON store_comment_firsts (brand_id, created_at) INCLUDE (submission_id);
CREATE INDEX store_comment_firsts_region ON store_comment_firsts (brand_id, region_id, created_at) INCLUDE (submission_id);
CREATE INDEX store_comment_firsts_store ON store_comment_firsts (brand_id, store_id, created_at) INCLUDE (submission_id);
-- The per-store kudos counts: the carried candidates of a range, read from the index alone.
CREATE INDEX store_comment_firsts_kudos ON store_comment_firsts (brand_id, created_at) INCLUDE (store_id, submission_id, staff_ids) WHERE kudos_candidate;

CREATE FUNCTION store_comment_firsts_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO store_comment_firsts AS f (brand_id, store_id, region_id, comment_key, submission_id, created_at, kudos_candidate, staff_ids)
  SELECT DISTINCT ON (n.brand_id, n.store_id, ${key('n')}) n.brand_id, n.store_id, n.region_id, ${key('n')}, n.id, n.created_at, ${carriedCandidateSql('n.')}, n.staff_ids
  FROM new_rows n WHERE n.comment IS NOT NULL AND n.store_id IS NOT NULL
  ORDER BY n.brand_id, n.store_id, ${key('n')}, n.created_at, n.id
  ON CONFLICT (brand_id, store_id, comment_key) DO UPDATE SET submission_id = excluded.submission_id, created_at = excluded.created_at, region_id = excluded.region_id,
      kudos_candidate = excluded.kudos_candidate, staff_ids = excluded.staff_ids
    WHERE (excluded.created_at, excluded.submission_id) < (f.created_at, f.submission_id);
  RETURN NULL;
END;
$$;
CREATE TRIGGER submissions_comment_firsts AFTER INSERT ON submissions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION store_comment_firsts_note();

INSERT INTO store_comment_firsts (brand_id, store_id, region_id, comment_key, submission_id, created_at, kudos_candidate, staff_ids)
SELECT DISTINCT ON (s.brand_id, s.store_id, ${key('s')}) s.brand_id, s.store_id, s.region_id, ${key('s')}, s.id, s.created_at, ${carriedCandidateSql('s.')}, s.staff_ids
FROM submissions s WHERE s.comment IS NOT NULL AND s.store_id IS NOT NULL
ORDER BY s.brand_id, s.store_id, ${key('s')}, s.created_at, s.id;

CREATE INDEX submissions_kudos_named ON submissions (brand_id, created_at) WHERE ${namedOtherwiseSql('')};
`;
