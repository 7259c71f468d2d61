-- Score targets per brand, region or store, set from the dashboard (demo/server/targets/).
-- `scope_id` is '' for the brand itself. A store without a target of its own inherits its region's,
-- then the brand's.
CREATE TABLE targets (
  brand_id text NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  level text NOT NULL CHECK (level IN ('brand', 'region', 'store')),
  scope_id text NOT NULL,
  metric text NOT NULL CHECK (metric IN ('nps', 'csat', 'smiley', 'stars')),
  value real NOT NULL,
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (brand_id, level, scope_id, metric),
  CHECK ((level = 'brand') = (scope_id = ''))
);
