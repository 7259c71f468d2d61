-- Acting on feedback: per-brand settings, follow-up cases with their history, and the contact
-- details customers gave with their consent (docs/collector.md, "Cases").

-- One JSON document per brand, validated by BrandSettingsSchema (demo/server/settings/schema.ts):
-- every field has a default, so a brand without a row, or a document written before a section
-- existed, reads as the defaults.
CREATE TABLE brand_settings (
  brand_id text PRIMARY KEY REFERENCES brands (id) ON DELETE CASCADE,
  settings jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One case per submission that needs a person. Opened by ingest in the same statement as the
-- submission (demo/server/ingest/follow-ups.ts): UNIQUE (submission_id) backs up what
-- `ON CONFLICT (id) DO NOTHING` on submissions already guarantees.
-- region_id is the store's region (the manager the case escalates to), store_id the submission's.
CREATE TABLE cases (
  id uuid PRIMARY KEY,
  submission_id uuid NOT NULL UNIQUE REFERENCES submissions (id) ON DELETE CASCADE,
  brand_id text NOT NULL,
  region_id text,
  store_id text,
  reason text NOT NULL CHECK (reason IN ('manager_requested', 'detractor_with_contact', 'detractor')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved')),
  -- when the collector opened the case (the submission's arrival)
  created_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  -- a user who manages the store: its store manager, its regional manager or corporate
  assignee_id bigint REFERENCES users (id) ON DELETE SET NULL,
  -- the first human action on the case (a status change, an assignment, a note, a contact attempt)
  first_response_at timestamptz,
  resolved_at timestamptz,
  escalated_at timestamptz,
  -- an id of the brand's root-cause list at the time of resolution
  root_cause text,
  resolution_note text,
  -- optimistic concurrency: every change adds one; PATCH must name the version it read
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
  CHECK (status <> 'resolved' OR (root_cause IS NOT NULL AND resolution_note IS NOT NULL))
);

-- The inbox: unresolved cases by due time; resolved ones newest first; escalation's scan.
CREATE INDEX cases_active ON cases (brand_id, due_at, id) WHERE status <> 'resolved';
CREATE INDEX cases_resolved ON cases (brand_id, resolved_at DESC, id DESC) WHERE status = 'resolved';
CREATE INDEX cases_store ON cases (brand_id, store_id, created_at);
CREATE INDEX cases_region ON cases (brand_id, region_id, created_at);
CREATE INDEX cases_to_escalate ON cases (due_at) WHERE status <> 'resolved' AND escalated_at IS NULL;

-- The history of a case, oldest first: notes and contact attempts written by managers, and what
-- changed (status, assignment, resolution, reopening, escalation). author_id null: the collector.
CREATE TABLE case_notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('note', 'contact_attempt', 'status', 'assigned', 'resolved', 'reopened', 'escalated')),
  author_id bigint REFERENCES users (id) ON DELETE SET NULL,
  -- kept with the note so the history stays readable after a user is deleted or renamed
  author_name text,
  text text,
  data jsonb,
  created_at timestamptz NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, id);

-- Contact details a customer gave with consent, taken out of the stored submission body at
-- ingest, so stats, comments, exports, webhooks and events can never show them. Shown only on a
-- case, to the managers who own it. `value` is cleared and `erased_at` set when it is erased.
CREATE TABLE submission_contacts (
  submission_id uuid PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('email', 'phone', 'other')),
  value text,
  created_at timestamptz NOT NULL,
  erased_at timestamptz,
  CHECK ((value IS NULL) = (erased_at IS NOT NULL))
);
