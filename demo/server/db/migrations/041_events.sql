-- Live events for open dashboards (GET /v1/events, docs/collector.md "Live events").
--
-- Every event is a row, written in the same statement or transaction as what it announces (a
-- submission, a case opened or changed), so an event exists exactly when its cause committed.
-- The trigger below NOTIFYs each new row on the channel `storevoice_events`; PostgreSQL delivers
-- a NOTIFY at commit to every listening connection, so each collector instance (one LISTEN
-- connection each) hears every event whichever instance wrote it. Rows are kept a day (pruned by
-- a periodic job) so a dashboard that reconnects with Last-Event-ID gets what it missed.
--
-- Ids come from a sequence, so they increase in insertion order, but transactions can commit out
-- of that order: readers that resume "after id N" also look a few seconds back (by created_at)
-- and dedupe by id.
CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('submission', 'case', 'alert')),
  brand_id text NOT NULL,
  -- who may see it: the scope columns the stream filters on, per connection
  region_id text,
  store_id text,
  -- small JSON (ids, scores, a case's reason and status): never free text, never contact details
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX events_created ON events (created_at);

-- NOTIFY payloads must stay under 8,000 bytes: events are small by construction, and one that is
-- not is announced by its id alone (listeners then read the row). migrate.ts splits statements on
-- a ';' at the end of a line, so inside the function body every ';' starts a line.
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('storevoice_events', CASE WHEN octet_length(n.payload) <= 7900 THEN n.payload ELSE json_build_object('id', n.id)::text END)
  FROM (
    SELECT e.id, json_build_object('id', e.id, 'kind', e.kind, 'brand', e.brand_id, 'region', e.region_id, 'store', e.store_id, 'at', e.created_at, 'data', e.data)::text AS payload
    FROM new_rows e ORDER BY e.id
  ) n
  ; RETURN NULL
; END
$$;

CREATE TRIGGER events_notify AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
