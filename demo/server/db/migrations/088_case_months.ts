/**
 * Case rollups for the closing-the-loop metrics (cases/metrics.ts).
 *
 * Before, `GET /v1/cases/metrics` counted every case of its window and sorted their times for
 * exact medians: a brand's year is a million cases at 10 million submissions, 2.3 s
 * (bench/README.md). Now each case adds its facts (cases/facts.ts: opened, escalated, resolved,
 * resolved on time, the bucket of each duration, the root cause) to three rollups, by UTC month
 * and day as the metrics' days are UTC days:
 *
 * - `case_store_months`: per store and month. Cases per store and day are few (about five), so a
 *   daily store rollup would be no smaller than the cases: views by store read the cases of a
 *   window's partial months directly (a region's 30 days are about 7,000 cases).
 * - `case_region_months` and `case_region_days`: per region, for the brand-wide views, whose
 *   partial months are too many cases to read one by one (about 85,000 for 30 days).
 *
 * Statement-level triggers keep the sums: an insert adds the new rows' facts, a delete (an
 * erasure or the retention purge, through the submission's cascade) takes the old rows' away,
 * and an update does both, so a case resolved, reopened or escalated moves between facts. One
 * upsert per table and statement, in key order (like the submission rollups, so concurrent
 * writers cannot deadlock).
 *
 * Empty keys (`''`) stand for cases without a region or store, which a primary key cannot hold
 * as NULL. `cases_active_opened` serves the one figure that depends on the time of the request:
 * the cases still open and past due.
 */
import { caseDaySql, caseFactsSql, caseMonthSql } from '../../cases/facts.js';

/** The sums of the facts of the rows of `source` (cases with a `sign` column), per store and month. */
const storeSums = (source: string) => `
  SELECT c.brand_id, coalesce(c.region_id, '') AS region_id, ${caseMonthSql('c')} AS month, coalesce(c.store_id, '') AS store_id, f.fact, f.bucket, sum(c.sign)::int AS n
  FROM (${source}) c ${caseFactsSql('c')}
  WHERE f.counted
  GROUP BY 1, 2, 3, 4, 5, 6`;

/** The same per region and UTC day. */
const regionDaySums = (source: string) => `
  SELECT c.brand_id, ${caseDaySql('c')} AS day, coalesce(c.region_id, '') AS region_id, f.fact, f.bucket, sum(c.sign)::int AS n
  FROM (${source}) c ${caseFactsSql('c')}
  WHERE f.counted
  GROUP BY 1, 2, 3, 4, 5`;

/** A trigger function adding the facts of `source` to the three rollups. */
const applyFunction = (name: string, source: string) => `
CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_store_months AS t (brand_id, region_id, month, store_id, fact, bucket, n)
  SELECT * FROM (${storeSums(source)}) s WHERE s.n <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (brand_id, region_id, month, store_id, fact, bucket) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO case_region_days AS t (brand_id, day, region_id, fact, bucket, n)
  SELECT * FROM (${regionDaySums(source)}) s WHERE s.n <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (brand_id, day, region_id, fact, bucket) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO case_region_months AS t (brand_id, month, region_id, fact, bucket, n)
  SELECT s.brand_id, s.month, s.region_id, s.fact, s.bucket, sum(s.n)::int FROM (${storeSums(source)}) s
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(s.n) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (brand_id, month, region_id, fact, bucket) DO UPDATE SET n = t.n + excluded.n;
  RETURN NULL;
END;
$$;`;

const added = 'SELECT 1 AS sign, n.* FROM new_rows n';
const removed = 'SELECT -1 AS sign, o.* FROM old_rows o';

export const sql = `
CREATE TABLE case_store_months (
  brand_id text NOT NULL,
  region_id text NOT NULL,
  month date NOT NULL,
  store_id text NOT NULL,
  fact text NOT NULL,
  bucket int NOT NULL,
  n int NOT NULL,
  -- a region's stores over a range of months (the regional view), one store's through the index below
  PRIMARY KEY (brand_id, region_id, month, store_id, fact, bucket)
);
CREATE INDEX case_store_months_store ON case_store_months (brand_id, store_id, month);

CREATE TABLE case_region_months (
  brand_id text NOT NULL,
  month date NOT NULL,
  region_id text NOT NULL,
  fact text NOT NULL,
  bucket int NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (brand_id, month, region_id, fact, bucket)
);

-- A brand's 30 days are about 85,000 cases at 10 million submissions, 0.4 s to read one by one.
CREATE TABLE case_region_days (
  brand_id text NOT NULL,
  day date NOT NULL,
  region_id text NOT NULL,
  fact text NOT NULL,
  bucket int NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (brand_id, day, region_id, fact, bucket)
);

${applyFunction('case_months_add', added)}
${applyFunction('case_months_remove', removed)}
${applyFunction('case_months_change', `${removed} UNION ALL ${added}`)}

CREATE TRIGGER cases_months_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_months_add();
CREATE TRIGGER cases_months_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_months_remove();
CREATE TRIGGER cases_months_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_months_change();

INSERT INTO case_store_months (brand_id, region_id, month, store_id, fact, bucket, n)
SELECT * FROM (${storeSums('SELECT 1 AS sign, k.* FROM cases k')}) s;
INSERT INTO case_region_days (brand_id, day, region_id, fact, bucket, n)
SELECT * FROM (${regionDaySums('SELECT 1 AS sign, k.* FROM cases k')}) s;
INSERT INTO case_region_months (brand_id, month, region_id, fact, bucket, n)
SELECT brand_id, date_trunc('month', day)::date, region_id, fact, bucket, sum(n)::int FROM case_region_days GROUP BY 1, 2, 3, 4, 5;

CREATE INDEX cases_active_opened ON cases (brand_id, created_at) INCLUDE (region_id, store_id, due_at) WHERE status <> 'resolved';
`;
