-- People's rights (docs/collector.md, "People's rights"): every export and erasure of the data tied
-- to a contact e-mail or phone number, with who asked and what it touched. Never the contact itself
-- nor any erased content: counts and ids only, so the log can be kept as long as the law asks.
CREATE TABLE privacy_audit (
  id uuid PRIMARY KEY,
  action text NOT NULL CHECK (action IN ('export', 'erase')),
  -- who: the label the admin token's holder gave in the request (e.g. "dpo@acme.example, ticket 4711")
  actor text NOT NULL,
  -- the brand the request was limited to; null: every brand
  brand_id text,
  contact_kind text NOT NULL CHECK (contact_kind IN ('email', 'phone')),
  submission_ids uuid[] NOT NULL DEFAULT '{}',
  case_ids uuid[] NOT NULL DEFAULT '{}',
  counts jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX privacy_audit_newest ON privacy_audit (created_at DESC, id DESC);
