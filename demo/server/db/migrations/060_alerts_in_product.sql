-- Alerts inside the product (docs/collector.md, "Alerts in the dashboard"): every alert is shown
-- to the managers of its scope and can be acknowledged there; a webhook is one more channel.

-- `kind`: `rule` (raised by an alert rule on submissions), `escalation` (an overdue case went to
-- the region) or `drop` (a store's score fell beyond the brand's threshold). System alerts have
-- `rule_id` '@escalation' / '@drop' (not a valid rule id, so no rule can collide with them).
-- `summary` is what the dashboard shows: ids, scores, a reason; never free text or contacts.
ALTER TABLE alert_events ADD COLUMN kind text NOT NULL DEFAULT 'rule' CHECK (kind IN ('rule', 'escalation', 'drop'));
ALTER TABLE alert_events ADD COLUMN summary jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE alert_events ADD COLUMN acknowledged_at timestamptz;
ALTER TABLE alert_events ADD COLUMN acknowledged_by integer;
ALTER TABLE alert_events ADD COLUMN acknowledged_by_name text;
CREATE INDEX alert_events_recent ON alert_events (brand_id, created_at DESC);

-- A store's score falling beyond the brand's threshold is one episode from the first check that
-- sees it to the first that does not; one alert per episode. The partial unique index is what
-- makes "exactly once" hold across instances: only one INSERT of an open episode can win.
CREATE TABLE store_drop_episodes (
  id uuid PRIMARY KEY,
  brand_id text NOT NULL,
  store_id text NOT NULL,
  metric text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  alert_id uuid
);
CREATE UNIQUE INDEX store_drop_episodes_open ON store_drop_episodes (brand_id, store_id, metric) WHERE ended_at IS NULL;
