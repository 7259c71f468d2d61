-- Case metrics for a whole brand (a corporate manager, no region or store) count the cases opened
-- in a window: without this index that was a scan of every case the brand ever had
-- (bench/dashboard-queries.ts: 2 million cases, 660 ms for 30 days).
CREATE INDEX IF NOT EXISTS cases_brand_time ON cases (brand_id, created_at);
