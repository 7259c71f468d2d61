-- Weekly digest webhooks (demo/server/digest/schedule.ts): one row per scope, ISO week and
-- receiver. The unique key is what makes a digest go out once per scope and week however many
-- collector instances run the schedule: each inserts the week's rows with ON CONFLICT DO NOTHING,
-- and an instance sends a row only after claiming it (FOR UPDATE SKIP LOCKED, then a lease).
CREATE TABLE digest_deliveries (
  id uuid PRIMARY KEY,
  brand_id text NOT NULL REFERENCES brands (id) ON DELETE CASCADE,
  scope_level text NOT NULL CHECK (scope_level IN ('region', 'store')),
  scope_id text NOT NULL,
  week text NOT NULL CHECK (week ~ '^\d{4}-W\d{2}$'),
  -- sha256 of the receiver's URL: the URL and its secret stay in the brand's settings only
  url_hash text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- while 'sending': after this, another instance may take the row over (its sender died)
  lease_until timestamptz,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  UNIQUE (brand_id, scope_level, scope_id, week, url_hash)
);
CREATE INDEX digest_deliveries_due ON digest_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
