-- Case metrics (demo/server/cases/metrics.ts) read every case opened in a window: a brand's year
-- is a million cases at 10 million submissions, a region's a twelfth of that, spread over half of
-- the table's pages. The two indexes they are read through now carry every column the metrics
-- use, so PostgreSQL answers with an index-only scan instead of a heap read per case
-- (bench/dashboard-queries.ts, 2 million submissions: a region's year 4,557 heap pages, 593 ms,
-- became 230 index pages, 73 ms). Same keys as before, so the inbox's plans are unchanged.
--
-- Runs in the migration's transaction, so no CONCURRENTLY: DROP INDEX takes an ACCESS EXCLUSIVE
-- lock on `cases`, held until the migration commits, so every read and write of cases (ingest
-- opening one included) waits for both builds: 3 s for 400,000 cases on the bench machine, about
-- 15 s for 2 million. Run it when the collector is quiet.
DROP INDEX IF EXISTS cases_region;
CREATE INDEX cases_region ON cases (brand_id, region_id, created_at)
  INCLUDE (store_id, status, due_at, first_response_at, resolved_at, escalated_at, root_cause);
DROP INDEX IF EXISTS cases_brand_time;
CREATE INDEX cases_brand_time ON cases (brand_id, created_at)
  INCLUDE (region_id, store_id, status, due_at, first_response_at, resolved_at, escalated_at, root_cause);
