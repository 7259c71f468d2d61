-- Core schema: the retailer hierarchy, write keys, survey definitions and submissions.
-- Ids are the retailer's own (the same strings the SDK puts in `context`), scoped by brand.

CREATE TABLE brands (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Public, per-brand ingest keys (like analytics write keys): they identify, they do not protect.
CREATE TABLE write_keys (
  key text PRIMARY KEY,
  brand_id text NOT NULL REFERENCES brands (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE regions (
  brand_id text NOT NULL REFERENCES brands (id),
  id text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (brand_id, id)
);

CREATE TABLE stores (
  brand_id text NOT NULL,
  id text NOT NULL,
  region_id text NOT NULL,
  name text NOT NULL,
  -- IANA zone, e.g. Europe/Stockholm: alert windows and "open now" are computed in store time.
  time_zone text NOT NULL DEFAULT 'UTC',
  -- { "mon": [["09:00","20:00"]], ..., "sun": [] }; null means always open.
  opening_hours jsonb,
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, region_id) REFERENCES regions (brand_id, id)
);

CREATE TABLE staff (
  brand_id text NOT NULL,
  id text NOT NULL,
  store_id text NOT NULL,
  name text NOT NULL,
  photo_url text,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, store_id) REFERENCES stores (brand_id, id)
);

CREATE TABLE surveys (
  id text PRIMARY KEY,
  version integer NOT NULL DEFAULT 1,
  definition jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per submission id, whatever the number of retries or beacons that carried it.
CREATE TABLE submissions (
  id uuid PRIMARY KEY,
  brand_id text NOT NULL,
  region_id text,
  store_id text,
  staff_ids text[] NOT NULL DEFAULT '{}',
  device_id text,
  channel text NOT NULL,
  survey_id text NOT NULL,
  survey_version integer,
  locale text,
  created_at timestamptz NOT NULL,            -- on the device
  received_at timestamptz NOT NULL DEFAULT now(),
  -- true when a valid signed context token vouched for store/staff/device
  context_verified boolean NOT NULL DEFAULT false,
  -- e.g. unknown_region, unknown_store, unknown_staff, region_mismatch: stored and flagged, never dropped
  flags text[] NOT NULL DEFAULT '{}',
  -- the first answer of each rating type, for rollups without unpacking JSON
  nps smallint,
  csat smallint,
  smiley smallint,
  stars smallint,
  min_score smallint,                          -- lowest 1–5 rating (smiley, stars, csat)
  comment text,                                -- free-text answers joined, rendered as text only
  body jsonb NOT NULL                          -- the submission exactly as received (wire format v1)
);

CREATE INDEX submissions_brand_time ON submissions (brand_id, created_at);
CREATE INDEX submissions_region_time ON submissions (brand_id, region_id, created_at);
CREATE INDEX submissions_store_time ON submissions (brand_id, store_id, created_at);
CREATE INDEX submissions_staff ON submissions USING gin (staff_ids);
