-- Live events for open dashboards (GET /v1/events, docs/collector.md "Live events").
--
-- Every event is a row, written in the same statement or transaction as what it announces (a
-- submission, a case opened or changed), so an event exists exactly when its cause committed.
-- The trigger below NOTIFYs new rows on the channel `storevoice_events`; PostgreSQL delivers
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

-- One NOTIFY per statement, not per event: each NOTIFY costs the writing transaction about a
-- tenth of a millisecond at commit, which per event would slow batch ingest by half. Its payload
-- is the statement's events as a JSON array when they fit PostgreSQL's 8,000-byte limit (a
-- submission or two), else their ids (`{"ids":[…]}`), else their id range (`{"from":…,"to":…}`),
-- which listeners read back from the table. migrate.ts splits statements on a ';' at the end of
-- a line, so inside the function body every ';' starts a line.
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text
; BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
    RETURN NULL
  ; END IF
  -- A handful of events fit (they are a few hundred bytes each); more are announced by id at once,
  -- without building a payload that would be thrown away.
  ; IF (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT 17) few) <= 16 THEN
    SELECT json_agg(json_build_object('id', e.id, 'kind', e.kind, 'brand', e.brand_id, 'region', e.region_id, 'store', e.store_id, 'at', e.created_at, 'data', e.data) ORDER BY e.id)::text
      INTO payload FROM new_rows e
  ; END IF
  ; IF payload IS NULL OR octet_length(payload) > 7900 THEN
    SELECT json_build_object('ids', json_agg(e.id ORDER BY e.id))::text INTO payload FROM new_rows e
  ; END IF
  ; IF octet_length(payload) > 7900 THEN
    SELECT json_build_object('from', min(e.id), 'to', max(e.id))::text INTO payload FROM new_rows e
  ; END IF
  ; PERFORM pg_notify('storevoice_events', payload)
  ; RETURN NULL
; END
$$;

CREATE TRIGGER events_notify AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
