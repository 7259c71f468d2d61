-- Per-store pulse keys (demo/server/pulse/keys.ts): the key in a store's pulse link, which lets
-- its staff answer the employee pulse from their own phones without a login. Kept apart from the
-- brand's customer write keys so that neither can post the other's channel, and per store so the
-- store comes from the key, never from the page. Rotating revokes the old key and makes a new one:
-- at most one key per store is active.
CREATE TABLE pulse_keys (
  key text PRIMARY KEY,
  brand_id text NOT NULL,
  store_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  FOREIGN KEY (brand_id, store_id) REFERENCES stores (brand_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX pulse_keys_one_active ON pulse_keys (brand_id, store_id) WHERE revoked_at IS NULL;
