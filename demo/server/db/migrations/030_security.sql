-- Security review (issue 16). Login limits of different lengths share login_attempts: each row
-- now says when its window ends, so a one-minute address window is deleted after a minute even
-- though an account's window lasts fifteen.
ALTER TABLE login_attempts ADD COLUMN expires_at timestamptz;
UPDATE login_attempts SET expires_at = window_start + interval '1 minute';
ALTER TABLE login_attempts ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX login_attempts_expires ON login_attempts (expires_at);
