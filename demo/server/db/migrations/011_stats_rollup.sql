-- Daily rollups for the dashboard (see docs/collector.md#dashboard, "Performance").
--
-- Why tables maintained by triggers rather than a periodic refresh: the dashboard must show a
-- submission moments after it arrives, and kiosks that were offline deliver days-old feedback
-- late (created_at is set on the device), which a "closed days" refresh would miss. A trigger
-- updates the rollup in the same transaction as the insert, so the two can never disagree, and
-- duplicates need no special care: ingest's INSERT ... ON CONFLICT (id) DO NOTHING inserts no
-- row for a duplicate, and an AFTER trigger sees only rows actually inserted.
--
-- Statement-level triggers with transition tables aggregate a whole batch (100 submissions, or a
-- bulk load) into one upsert per key, sorted by key so concurrent batches take row locks in the
-- same order. Days are UTC days. Counts per answer value are kept (not averages) so every figure
-- (NPS, CSAT, smiley average, distributions) is derived exactly at query time and rows add up.
--
-- stats_region_daily has one row per region, channel and day (brand and region views: a year of
-- a whole brand is a few thousand rows); stats_team_daily one per store, channel and day;
-- stats_staff_daily one per staff member named in the submission (a submission naming two
-- people counts once for each).
-- Missing region/store are stored as '' so they can be part of the primary key.


CREATE TABLE stats_region_daily (
  brand_id text NOT NULL,
  region_id text NOT NULL,
  channel text NOT NULL,
  day date NOT NULL,
  responses integer NOT NULL DEFAULT 0,
  comments integer NOT NULL DEFAULT 0,
  nps_0 integer NOT NULL DEFAULT 0,
  nps_1 integer NOT NULL DEFAULT 0,
  nps_2 integer NOT NULL DEFAULT 0,
  nps_3 integer NOT NULL DEFAULT 0,
  nps_4 integer NOT NULL DEFAULT 0,
  nps_5 integer NOT NULL DEFAULT 0,
  nps_6 integer NOT NULL DEFAULT 0,
  nps_7 integer NOT NULL DEFAULT 0,
  nps_8 integer NOT NULL DEFAULT 0,
  nps_9 integer NOT NULL DEFAULT 0,
  nps_10 integer NOT NULL DEFAULT 0,
  csat_1 integer NOT NULL DEFAULT 0,
  csat_2 integer NOT NULL DEFAULT 0,
  csat_3 integer NOT NULL DEFAULT 0,
  csat_4 integer NOT NULL DEFAULT 0,
  csat_5 integer NOT NULL DEFAULT 0,
  smiley_1 integer NOT NULL DEFAULT 0,
  smiley_2 integer NOT NULL DEFAULT 0,
  smiley_3 integer NOT NULL DEFAULT 0,
  smiley_4 integer NOT NULL DEFAULT 0,
  smiley_5 integer NOT NULL DEFAULT 0,
  stars_1 integer NOT NULL DEFAULT 0,
  stars_2 integer NOT NULL DEFAULT 0,
  stars_3 integer NOT NULL DEFAULT 0,
  stars_4 integer NOT NULL DEFAULT 0,
  stars_5 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (brand_id, region_id, channel, day)
);

CREATE TABLE stats_team_daily (
  brand_id text NOT NULL,
  region_id text NOT NULL,
  store_id text NOT NULL,
  channel text NOT NULL,
  day date NOT NULL,
  responses integer NOT NULL DEFAULT 0,
  comments integer NOT NULL DEFAULT 0,
  nps_0 integer NOT NULL DEFAULT 0,
  nps_1 integer NOT NULL DEFAULT 0,
  nps_2 integer NOT NULL DEFAULT 0,
  nps_3 integer NOT NULL DEFAULT 0,
  nps_4 integer NOT NULL DEFAULT 0,
  nps_5 integer NOT NULL DEFAULT 0,
  nps_6 integer NOT NULL DEFAULT 0,
  nps_7 integer NOT NULL DEFAULT 0,
  nps_8 integer NOT NULL DEFAULT 0,
  nps_9 integer NOT NULL DEFAULT 0,
  nps_10 integer NOT NULL DEFAULT 0,
  csat_1 integer NOT NULL DEFAULT 0,
  csat_2 integer NOT NULL DEFAULT 0,
  csat_3 integer NOT NULL DEFAULT 0,
  csat_4 integer NOT NULL DEFAULT 0,
  csat_5 integer NOT NULL DEFAULT 0,
  smiley_1 integer NOT NULL DEFAULT 0,
  smiley_2 integer NOT NULL DEFAULT 0,
  smiley_3 integer NOT NULL DEFAULT 0,
  smiley_4 integer NOT NULL DEFAULT 0,
  smiley_5 integer NOT NULL DEFAULT 0,
  stars_1 integer NOT NULL DEFAULT 0,
  stars_2 integer NOT NULL DEFAULT 0,
  stars_3 integer NOT NULL DEFAULT 0,
  stars_4 integer NOT NULL DEFAULT 0,
  stars_5 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (brand_id, region_id, store_id, channel, day)
);

CREATE INDEX stats_team_daily_store ON stats_team_daily (brand_id, store_id, day);

CREATE INDEX stats_team_daily_day ON stats_team_daily (brand_id, day);

CREATE TABLE stats_staff_daily (
  brand_id text NOT NULL,
  staff_id text NOT NULL,
  region_id text NOT NULL,
  store_id text NOT NULL,
  channel text NOT NULL,
  day date NOT NULL,
  responses integer NOT NULL DEFAULT 0,
  comments integer NOT NULL DEFAULT 0,
  nps_0 integer NOT NULL DEFAULT 0,
  nps_1 integer NOT NULL DEFAULT 0,
  nps_2 integer NOT NULL DEFAULT 0,
  nps_3 integer NOT NULL DEFAULT 0,
  nps_4 integer NOT NULL DEFAULT 0,
  nps_5 integer NOT NULL DEFAULT 0,
  nps_6 integer NOT NULL DEFAULT 0,
  nps_7 integer NOT NULL DEFAULT 0,
  nps_8 integer NOT NULL DEFAULT 0,
  nps_9 integer NOT NULL DEFAULT 0,
  nps_10 integer NOT NULL DEFAULT 0,
  csat_1 integer NOT NULL DEFAULT 0,
  csat_2 integer NOT NULL DEFAULT 0,
  csat_3 integer NOT NULL DEFAULT 0,
  csat_4 integer NOT NULL DEFAULT 0,
  csat_5 integer NOT NULL DEFAULT 0,
  smiley_1 integer NOT NULL DEFAULT 0,
  smiley_2 integer NOT NULL DEFAULT 0,
  smiley_3 integer NOT NULL DEFAULT 0,
  smiley_4 integer NOT NULL DEFAULT 0,
  smiley_5 integer NOT NULL DEFAULT 0,
  stars_1 integer NOT NULL DEFAULT 0,
  stars_2 integer NOT NULL DEFAULT 0,
  stars_3 integer NOT NULL DEFAULT 0,
  stars_4 integer NOT NULL DEFAULT 0,
  stars_5 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (brand_id, staff_id, region_id, store_id, channel, day)
);

CREATE INDEX stats_staff_daily_store ON stats_staff_daily (brand_id, store_id, day);

-- migrate.ts splits statements on a ';' at the end of a line, so inside this function body
-- every ';' starts a line instead of ending one.
CREATE FUNCTION stats_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO stats_region_daily AS d (brand_id, region_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, coalesce(s.region_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * -1, count(s.comment) * -1, count(*) FILTER (WHERE s.nps = 0) * -1, count(*) FILTER (WHERE s.nps = 1) * -1, count(*) FILTER (WHERE s.nps = 2) * -1, count(*) FILTER (WHERE s.nps = 3) * -1, count(*) FILTER (WHERE s.nps = 4) * -1, count(*) FILTER (WHERE s.nps = 5) * -1, count(*) FILTER (WHERE s.nps = 6) * -1, count(*) FILTER (WHERE s.nps = 7) * -1, count(*) FILTER (WHERE s.nps = 8) * -1, count(*) FILTER (WHERE s.nps = 9) * -1, count(*) FILTER (WHERE s.nps = 10) * -1, count(*) FILTER (WHERE s.csat = 1) * -1, count(*) FILTER (WHERE s.csat = 2) * -1, count(*) FILTER (WHERE s.csat = 3) * -1, count(*) FILTER (WHERE s.csat = 4) * -1, count(*) FILTER (WHERE s.csat = 5) * -1, count(*) FILTER (WHERE s.smiley = 1) * -1, count(*) FILTER (WHERE s.smiley = 2) * -1, count(*) FILTER (WHERE s.smiley = 3) * -1, count(*) FILTER (WHERE s.smiley = 4) * -1, count(*) FILTER (WHERE s.smiley = 5) * -1, count(*) FILTER (WHERE s.stars = 1) * -1, count(*) FILTER (WHERE s.stars = 2) * -1, count(*) FILTER (WHERE s.stars = 3) * -1, count(*) FILTER (WHERE s.stars = 4) * -1, count(*) FILTER (WHERE s.stars = 5) * -1
    FROM old_rows s
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (brand_id, region_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5
    ; INSERT INTO stats_team_daily AS d (brand_id, region_id, store_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, coalesce(s.region_id, ''), coalesce(s.store_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * -1, count(s.comment) * -1, count(*) FILTER (WHERE s.nps = 0) * -1, count(*) FILTER (WHERE s.nps = 1) * -1, count(*) FILTER (WHERE s.nps = 2) * -1, count(*) FILTER (WHERE s.nps = 3) * -1, count(*) FILTER (WHERE s.nps = 4) * -1, count(*) FILTER (WHERE s.nps = 5) * -1, count(*) FILTER (WHERE s.nps = 6) * -1, count(*) FILTER (WHERE s.nps = 7) * -1, count(*) FILTER (WHERE s.nps = 8) * -1, count(*) FILTER (WHERE s.nps = 9) * -1, count(*) FILTER (WHERE s.nps = 10) * -1, count(*) FILTER (WHERE s.csat = 1) * -1, count(*) FILTER (WHERE s.csat = 2) * -1, count(*) FILTER (WHERE s.csat = 3) * -1, count(*) FILTER (WHERE s.csat = 4) * -1, count(*) FILTER (WHERE s.csat = 5) * -1, count(*) FILTER (WHERE s.smiley = 1) * -1, count(*) FILTER (WHERE s.smiley = 2) * -1, count(*) FILTER (WHERE s.smiley = 3) * -1, count(*) FILTER (WHERE s.smiley = 4) * -1, count(*) FILTER (WHERE s.smiley = 5) * -1, count(*) FILTER (WHERE s.stars = 1) * -1, count(*) FILTER (WHERE s.stars = 2) * -1, count(*) FILTER (WHERE s.stars = 3) * -1, count(*) FILTER (WHERE s.stars = 4) * -1, count(*) FILTER (WHERE s.stars = 5) * -1
    FROM old_rows s
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (brand_id, region_id, store_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5
    ; INSERT INTO stats_staff_daily AS d (brand_id, staff_id, region_id, store_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, k.staff_id, coalesce(s.region_id, ''), coalesce(s.store_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * -1, count(s.comment) * -1, count(*) FILTER (WHERE s.nps = 0) * -1, count(*) FILTER (WHERE s.nps = 1) * -1, count(*) FILTER (WHERE s.nps = 2) * -1, count(*) FILTER (WHERE s.nps = 3) * -1, count(*) FILTER (WHERE s.nps = 4) * -1, count(*) FILTER (WHERE s.nps = 5) * -1, count(*) FILTER (WHERE s.nps = 6) * -1, count(*) FILTER (WHERE s.nps = 7) * -1, count(*) FILTER (WHERE s.nps = 8) * -1, count(*) FILTER (WHERE s.nps = 9) * -1, count(*) FILTER (WHERE s.nps = 10) * -1, count(*) FILTER (WHERE s.csat = 1) * -1, count(*) FILTER (WHERE s.csat = 2) * -1, count(*) FILTER (WHERE s.csat = 3) * -1, count(*) FILTER (WHERE s.csat = 4) * -1, count(*) FILTER (WHERE s.csat = 5) * -1, count(*) FILTER (WHERE s.smiley = 1) * -1, count(*) FILTER (WHERE s.smiley = 2) * -1, count(*) FILTER (WHERE s.smiley = 3) * -1, count(*) FILTER (WHERE s.smiley = 4) * -1, count(*) FILTER (WHERE s.smiley = 5) * -1, count(*) FILTER (WHERE s.stars = 1) * -1, count(*) FILTER (WHERE s.stars = 2) * -1, count(*) FILTER (WHERE s.stars = 3) * -1, count(*) FILTER (WHERE s.stars = 4) * -1, count(*) FILTER (WHERE s.stars = 5) * -1
    FROM old_rows s CROSS JOIN LATERAL (SELECT DISTINCT unnest(s.staff_ids) AS staff_id) k
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (brand_id, staff_id, region_id, store_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5
  ; END IF
  ; IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stats_region_daily AS d (brand_id, region_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, coalesce(s.region_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * 1, count(s.comment) * 1, count(*) FILTER (WHERE s.nps = 0) * 1, count(*) FILTER (WHERE s.nps = 1) * 1, count(*) FILTER (WHERE s.nps = 2) * 1, count(*) FILTER (WHERE s.nps = 3) * 1, count(*) FILTER (WHERE s.nps = 4) * 1, count(*) FILTER (WHERE s.nps = 5) * 1, count(*) FILTER (WHERE s.nps = 6) * 1, count(*) FILTER (WHERE s.nps = 7) * 1, count(*) FILTER (WHERE s.nps = 8) * 1, count(*) FILTER (WHERE s.nps = 9) * 1, count(*) FILTER (WHERE s.nps = 10) * 1, count(*) FILTER (WHERE s.csat = 1) * 1, count(*) FILTER (WHERE s.csat = 2) * 1, count(*) FILTER (WHERE s.csat = 3) * 1, count(*) FILTER (WHERE s.csat = 4) * 1, count(*) FILTER (WHERE s.csat = 5) * 1, count(*) FILTER (WHERE s.smiley = 1) * 1, count(*) FILTER (WHERE s.smiley = 2) * 1, count(*) FILTER (WHERE s.smiley = 3) * 1, count(*) FILTER (WHERE s.smiley = 4) * 1, count(*) FILTER (WHERE s.smiley = 5) * 1, count(*) FILTER (WHERE s.stars = 1) * 1, count(*) FILTER (WHERE s.stars = 2) * 1, count(*) FILTER (WHERE s.stars = 3) * 1, count(*) FILTER (WHERE s.stars = 4) * 1, count(*) FILTER (WHERE s.stars = 5) * 1
    FROM new_rows s
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (brand_id, region_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5
    ; INSERT INTO stats_team_daily AS d (brand_id, region_id, store_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, coalesce(s.region_id, ''), coalesce(s.store_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * 1, count(s.comment) * 1, count(*) FILTER (WHERE s.nps = 0) * 1, count(*) FILTER (WHERE s.nps = 1) * 1, count(*) FILTER (WHERE s.nps = 2) * 1, count(*) FILTER (WHERE s.nps = 3) * 1, count(*) FILTER (WHERE s.nps = 4) * 1, count(*) FILTER (WHERE s.nps = 5) * 1, count(*) FILTER (WHERE s.nps = 6) * 1, count(*) FILTER (WHERE s.nps = 7) * 1, count(*) FILTER (WHERE s.nps = 8) * 1, count(*) FILTER (WHERE s.nps = 9) * 1, count(*) FILTER (WHERE s.nps = 10) * 1, count(*) FILTER (WHERE s.csat = 1) * 1, count(*) FILTER (WHERE s.csat = 2) * 1, count(*) FILTER (WHERE s.csat = 3) * 1, count(*) FILTER (WHERE s.csat = 4) * 1, count(*) FILTER (WHERE s.csat = 5) * 1, count(*) FILTER (WHERE s.smiley = 1) * 1, count(*) FILTER (WHERE s.smiley = 2) * 1, count(*) FILTER (WHERE s.smiley = 3) * 1, count(*) FILTER (WHERE s.smiley = 4) * 1, count(*) FILTER (WHERE s.smiley = 5) * 1, count(*) FILTER (WHERE s.stars = 1) * 1, count(*) FILTER (WHERE s.stars = 2) * 1, count(*) FILTER (WHERE s.stars = 3) * 1, count(*) FILTER (WHERE s.stars = 4) * 1, count(*) FILTER (WHERE s.stars = 5) * 1
    FROM new_rows s
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (brand_id, region_id, store_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5
    ; INSERT INTO stats_staff_daily AS d (brand_id, staff_id, region_id, store_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, k.staff_id, coalesce(s.region_id, ''), coalesce(s.store_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * 1, count(s.comment) * 1, count(*) FILTER (WHERE s.nps = 0) * 1, count(*) FILTER (WHERE s.nps = 1) * 1, count(*) FILTER (WHERE s.nps = 2) * 1, count(*) FILTER (WHERE s.nps = 3) * 1, count(*) FILTER (WHERE s.nps = 4) * 1, count(*) FILTER (WHERE s.nps = 5) * 1, count(*) FILTER (WHERE s.nps = 6) * 1, count(*) FILTER (WHERE s.nps = 7) * 1, count(*) FILTER (WHERE s.nps = 8) * 1, count(*) FILTER (WHERE s.nps = 9) * 1, count(*) FILTER (WHERE s.nps = 10) * 1, count(*) FILTER (WHERE s.csat = 1) * 1, count(*) FILTER (WHERE s.csat = 2) * 1, count(*) FILTER (WHERE s.csat = 3) * 1, count(*) FILTER (WHERE s.csat = 4) * 1, count(*) FILTER (WHERE s.csat = 5) * 1, count(*) FILTER (WHERE s.smiley = 1) * 1, count(*) FILTER (WHERE s.smiley = 2) * 1, count(*) FILTER (WHERE s.smiley = 3) * 1, count(*) FILTER (WHERE s.smiley = 4) * 1, count(*) FILTER (WHERE s.smiley = 5) * 1, count(*) FILTER (WHERE s.stars = 1) * 1, count(*) FILTER (WHERE s.stars = 2) * 1, count(*) FILTER (WHERE s.stars = 3) * 1, count(*) FILTER (WHERE s.stars = 4) * 1, count(*) FILTER (WHERE s.stars = 5) * 1
    FROM new_rows s CROSS JOIN LATERAL (SELECT DISTINCT unnest(s.staff_ids) AS staff_id) k
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (brand_id, staff_id, region_id, store_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5
  ; END IF
  ; RETURN NULL
; END
$$;

CREATE TRIGGER submissions_rollup_insert AFTER INSERT ON submissions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_apply();

CREATE TRIGGER submissions_rollup_update AFTER UPDATE ON submissions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_apply();

CREATE TRIGGER submissions_rollup_delete AFTER DELETE ON submissions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_apply();

-- Submissions stored before this migration.
INSERT INTO stats_region_daily AS d (brand_id, region_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, coalesce(s.region_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * 1, count(s.comment) * 1, count(*) FILTER (WHERE s.nps = 0) * 1, count(*) FILTER (WHERE s.nps = 1) * 1, count(*) FILTER (WHERE s.nps = 2) * 1, count(*) FILTER (WHERE s.nps = 3) * 1, count(*) FILTER (WHERE s.nps = 4) * 1, count(*) FILTER (WHERE s.nps = 5) * 1, count(*) FILTER (WHERE s.nps = 6) * 1, count(*) FILTER (WHERE s.nps = 7) * 1, count(*) FILTER (WHERE s.nps = 8) * 1, count(*) FILTER (WHERE s.nps = 9) * 1, count(*) FILTER (WHERE s.nps = 10) * 1, count(*) FILTER (WHERE s.csat = 1) * 1, count(*) FILTER (WHERE s.csat = 2) * 1, count(*) FILTER (WHERE s.csat = 3) * 1, count(*) FILTER (WHERE s.csat = 4) * 1, count(*) FILTER (WHERE s.csat = 5) * 1, count(*) FILTER (WHERE s.smiley = 1) * 1, count(*) FILTER (WHERE s.smiley = 2) * 1, count(*) FILTER (WHERE s.smiley = 3) * 1, count(*) FILTER (WHERE s.smiley = 4) * 1, count(*) FILTER (WHERE s.smiley = 5) * 1, count(*) FILTER (WHERE s.stars = 1) * 1, count(*) FILTER (WHERE s.stars = 2) * 1, count(*) FILTER (WHERE s.stars = 3) * 1, count(*) FILTER (WHERE s.stars = 4) * 1, count(*) FILTER (WHERE s.stars = 5) * 1
    FROM submissions s
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (brand_id, region_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5;

INSERT INTO stats_team_daily AS d (brand_id, region_id, store_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, coalesce(s.region_id, ''), coalesce(s.store_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * 1, count(s.comment) * 1, count(*) FILTER (WHERE s.nps = 0) * 1, count(*) FILTER (WHERE s.nps = 1) * 1, count(*) FILTER (WHERE s.nps = 2) * 1, count(*) FILTER (WHERE s.nps = 3) * 1, count(*) FILTER (WHERE s.nps = 4) * 1, count(*) FILTER (WHERE s.nps = 5) * 1, count(*) FILTER (WHERE s.nps = 6) * 1, count(*) FILTER (WHERE s.nps = 7) * 1, count(*) FILTER (WHERE s.nps = 8) * 1, count(*) FILTER (WHERE s.nps = 9) * 1, count(*) FILTER (WHERE s.nps = 10) * 1, count(*) FILTER (WHERE s.csat = 1) * 1, count(*) FILTER (WHERE s.csat = 2) * 1, count(*) FILTER (WHERE s.csat = 3) * 1, count(*) FILTER (WHERE s.csat = 4) * 1, count(*) FILTER (WHERE s.csat = 5) * 1, count(*) FILTER (WHERE s.smiley = 1) * 1, count(*) FILTER (WHERE s.smiley = 2) * 1, count(*) FILTER (WHERE s.smiley = 3) * 1, count(*) FILTER (WHERE s.smiley = 4) * 1, count(*) FILTER (WHERE s.smiley = 5) * 1, count(*) FILTER (WHERE s.stars = 1) * 1, count(*) FILTER (WHERE s.stars = 2) * 1, count(*) FILTER (WHERE s.stars = 3) * 1, count(*) FILTER (WHERE s.stars = 4) * 1, count(*) FILTER (WHERE s.stars = 5) * 1
    FROM submissions s
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (brand_id, region_id, store_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5;

INSERT INTO stats_staff_daily AS d (brand_id, staff_id, region_id, store_id, channel, day, responses, comments, nps_0, nps_1, nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_1, csat_2, csat_3, csat_4, csat_5, smiley_1, smiley_2, smiley_3, smiley_4, smiley_5, stars_1, stars_2, stars_3, stars_4, stars_5)
    SELECT s.brand_id, k.staff_id, coalesce(s.region_id, ''), coalesce(s.store_id, ''), s.channel, (s.created_at AT TIME ZONE 'UTC')::date, count(*) * 1, count(s.comment) * 1, count(*) FILTER (WHERE s.nps = 0) * 1, count(*) FILTER (WHERE s.nps = 1) * 1, count(*) FILTER (WHERE s.nps = 2) * 1, count(*) FILTER (WHERE s.nps = 3) * 1, count(*) FILTER (WHERE s.nps = 4) * 1, count(*) FILTER (WHERE s.nps = 5) * 1, count(*) FILTER (WHERE s.nps = 6) * 1, count(*) FILTER (WHERE s.nps = 7) * 1, count(*) FILTER (WHERE s.nps = 8) * 1, count(*) FILTER (WHERE s.nps = 9) * 1, count(*) FILTER (WHERE s.nps = 10) * 1, count(*) FILTER (WHERE s.csat = 1) * 1, count(*) FILTER (WHERE s.csat = 2) * 1, count(*) FILTER (WHERE s.csat = 3) * 1, count(*) FILTER (WHERE s.csat = 4) * 1, count(*) FILTER (WHERE s.csat = 5) * 1, count(*) FILTER (WHERE s.smiley = 1) * 1, count(*) FILTER (WHERE s.smiley = 2) * 1, count(*) FILTER (WHERE s.smiley = 3) * 1, count(*) FILTER (WHERE s.smiley = 4) * 1, count(*) FILTER (WHERE s.smiley = 5) * 1, count(*) FILTER (WHERE s.stars = 1) * 1, count(*) FILTER (WHERE s.stars = 2) * 1, count(*) FILTER (WHERE s.stars = 3) * 1, count(*) FILTER (WHERE s.stars = 4) * 1, count(*) FILTER (WHERE s.stars = 5) * 1
    FROM submissions s CROSS JOIN LATERAL (SELECT DISTINCT unnest(s.staff_ids) AS staff_id) k
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (brand_id, staff_id, region_id, store_id, channel, day) DO UPDATE SET
      responses = d.responses + excluded.responses,
      comments = d.comments + excluded.comments,
      nps_0 = d.nps_0 + excluded.nps_0,
      nps_1 = d.nps_1 + excluded.nps_1,
      nps_2 = d.nps_2 + excluded.nps_2,
      nps_3 = d.nps_3 + excluded.nps_3,
      nps_4 = d.nps_4 + excluded.nps_4,
      nps_5 = d.nps_5 + excluded.nps_5,
      nps_6 = d.nps_6 + excluded.nps_6,
      nps_7 = d.nps_7 + excluded.nps_7,
      nps_8 = d.nps_8 + excluded.nps_8,
      nps_9 = d.nps_9 + excluded.nps_9,
      nps_10 = d.nps_10 + excluded.nps_10,
      csat_1 = d.csat_1 + excluded.csat_1,
      csat_2 = d.csat_2 + excluded.csat_2,
      csat_3 = d.csat_3 + excluded.csat_3,
      csat_4 = d.csat_4 + excluded.csat_4,
      csat_5 = d.csat_5 + excluded.csat_5,
      smiley_1 = d.smiley_1 + excluded.smiley_1,
      smiley_2 = d.smiley_2 + excluded.smiley_2,
      smiley_3 = d.smiley_3 + excluded.smiley_3,
      smiley_4 = d.smiley_4 + excluded.smiley_4,
      smiley_5 = d.smiley_5 + excluded.smiley_5,
      stars_1 = d.stars_1 + excluded.stars_1,
      stars_2 = d.stars_2 + excluded.stars_2,
      stars_3 = d.stars_3 + excluded.stars_3,
      stars_4 = d.stars_4 + excluded.stars_4,
      stars_5 = d.stars_5 + excluded.stars_5;

-- Recent comments and kudos read the newest matching rows first and stop at the page size.
CREATE INDEX submissions_comments ON submissions (brand_id, created_at DESC) WHERE comment IS NOT NULL;
CREATE INDEX submissions_store_comments ON submissions (brand_id, store_id, created_at DESC) WHERE comment IS NOT NULL;

-- Kudos look up the staff of a submission's store to match first names in its comment.
CREATE INDEX staff_by_store ON staff (brand_id, store_id);
