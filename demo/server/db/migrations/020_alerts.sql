-- Alerts: rules, the alerts they raised, and a durable queue of webhook deliveries.
-- No foreign key to brands/stores: rules may be loaded from ALERT_RULES_FILE before the
-- hierarchy is, and an alert must survive edits to the hierarchy.

-- `definition` is the rule exactly as validated (demo/server/alerts/rules/schema.ts).
-- `source = 'file'` rules are owned by ALERT_RULES_FILE and read-only through the admin API.
CREATE TABLE alert_rules (
  id text PRIMARY KEY,
  brand_id text NOT NULL,
  definition jsonb NOT NULL,
  source text NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'file')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX alert_rules_brand ON alert_rules (brand_id);

-- One row per alert raised. `dedupe_key` is the submission id (score rules) or the store and the
-- first submission of the window (burst rules): the unique constraint is what makes evaluation
-- idempotent, whatever the number of times or instances that evaluate the same submissions.
CREATE TABLE alert_events (
  id uuid PRIMARY KEY,
  rule_id text NOT NULL,
  dedupe_key text NOT NULL,
  brand_id text NOT NULL,
  region_id text,
  store_id text,
  -- burst rules: the window, so that later evaluations do not raise a second alert inside it
  window_start timestamptz,
  window_end timestamptz,
  -- the webhook body exactly as sent (text, not jsonb: jsonb would reorder keys between attempts)
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (rule_id, dedupe_key)
);

CREATE INDEX alert_events_burst_windows ON alert_events (rule_id, store_id, window_start);

-- One row per alert and webhook. `status`:
--   held      waiting for the store to open (outsideHours: hold); next_attempt_at = opening time
--   pending   due at next_attempt_at (first attempt or a retry)
--   sending   claimed by a worker; next_attempt_at is the lease expiry, after which another
--             worker may take it over (the first one crashed)
--   succeeded a 2xx answer
--   failed    a permanent error (4xx other than 408/429, a redirect) or attempts exhausted
--   dropped   raised while the store was closed under outsideHours: drop (logged, never sent)
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES alert_events (id) ON DELETE CASCADE,
  rule_id text NOT NULL,
  brand_id text NOT NULL,
  region_id text,
  store_id text,
  url text NOT NULL,
  status text NOT NULL CHECK (status IN ('held', 'pending', 'sending', 'succeeded', 'failed', 'dropped')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  delivered_at timestamptz
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status IN ('held', 'pending', 'sending');
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (brand_id, created_at);
