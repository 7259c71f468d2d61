-- Security review (issue 16). Login limits of different lengths share login_attempts: each row
-- now says when its window ends, so a one-minute address window is deleted after a minute even
-- though an account's window lasts fifteen.
ALTER TABLE login_attempts ADD COLUMN expires_at timestamptz;
UPDATE login_attempts SET expires_at = window_start + interval '1 minute';
ALTER TABLE login_attempts ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX login_attempts_expires ON login_attempts (expires_at);

-- The devices (kiosks, till tablets) of each store. Ingest gives a rate-limit bucket of its own
-- only to a device listed here; ids a client makes up share one bucket per write key, so naming a
-- real kiosk's id in a flood can no longer hold that kiosk at 429 through a hundred buckets.
CREATE TABLE devices (
  brand_id text NOT NULL,
  id text NOT NULL,
  store_id text NOT NULL,
  name text,
  PRIMARY KEY (brand_id, id),
  FOREIGN KEY (brand_id, store_id) REFERENCES stores (brand_id, id)
);
