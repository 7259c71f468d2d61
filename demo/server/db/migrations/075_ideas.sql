-- Ideas upward (issue 15.3, docs/collector.md "Ideas"): improvement ideas from staff, answered
-- by their store manager, escalated to the region when not answered in time.
--
-- An idea is anonymous unless its author signs it: nothing here says who wrote an unsigned idea
-- (no user id, no staff id, no device), so no route, export or operator query can tell. The id
-- is random (UUID v4), not a UUID v7, which would carry the exact time it was written.
CREATE TABLE ideas (
  id uuid PRIMARY KEY,
  brand_id text NOT NULL,
  -- the store's region when the idea was written: the manager it escalates to
  region_id text NOT NULL,
  store_id text NOT NULL,
  text text NOT NULL,
  -- only when the author chose to sign: their staff id (from a staff login) and the name shown
  signed_staff_id text,
  signed_name text,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'planned', 'done', 'not_now')),
  -- the manager's answer, shown to the store's staff ("you said, we did")
  reply text,
  -- exact, for the due time; lists show the day only (the anonymity rule)
  created_at timestamptz NOT NULL,
  -- created_at + the brand's ideas.escalateAfterDays at the time it was written
  due_at timestamptz NOT NULL,
  -- the first answer (any status but new); the response rate counts these
  answered_at timestamptz,
  answered_by_role text CHECK (answered_by_role IN ('store', 'regional', 'corporate')),
  escalated_at timestamptz,
  -- optimistic concurrency: every change adds one; PATCH must name the version it read
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'new') = (answered_at IS NULL)),
  CHECK (status <> 'not_now' OR reply IS NOT NULL),
  CHECK (signed_staff_id IS NULL OR signed_name IS NOT NULL)
);

CREATE INDEX ideas_store ON ideas (brand_id, store_id, created_at);
CREATE INDEX ideas_region ON ideas (brand_id, region_id, created_at);
-- Escalation's scan: unanswered ideas not yet escalated, by due time.
CREATE INDEX ideas_to_escalate ON ideas (due_at) WHERE status = 'new' AND escalated_at IS NULL;
