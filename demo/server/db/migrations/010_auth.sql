-- Dashboard users and their sessions. Sessions live in the database, not in process memory, so
-- several collector instances behind one load balancer share them.

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text NOT NULL,
  -- scrypt$N$r$p$<salt base64url>$<hash base64url>: parameters travel with the hash so they can be raised later
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('corporate', 'regional', 'store', 'staff')),
  brand_id text NOT NULL REFERENCES brands (id),
  region_id text,
  store_id text,
  staff_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A role without its anchor would have no defined scope: refuse it at the source.
  CHECK (role <> 'regional' OR region_id IS NOT NULL),
  CHECK (role <> 'store' OR store_id IS NOT NULL),
  CHECK (role <> 'staff' OR staff_id IS NOT NULL)
);

-- Only the SHA-256 of the session token is stored: a leaked table does not log anyone in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- synchronizer token for X-CSRF-Token, handed out by /v1/auth/login and /v1/auth/me
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Fixed one-minute windows of login attempts per (IP, e-mail); shared by every instance.
CREATE TABLE login_attempts (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL
);
