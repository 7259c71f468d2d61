import type { Queryable } from '../db/database.js';
import type { Where } from '../stats/where.js';
import type { EventKind, LiveEvent } from './types.js';

/** The NOTIFY channel the `events` table's trigger announces every new row on (041_events.sql). */
export const EVENTS_CHANNEL = 'storevoice_events';

/** An event as stored: its scope columns and what the stream sends. */
export interface StoredEvent {
  id: number;
  kind: EventKind;
  brandId: string;
  regionId: string | null;
  storeId: string | null;
  /** ISO instant. */
  at: string;
  data: Record<string, unknown>;
}

interface EventRow extends Record<string, unknown> {
  id: string;
  kind: EventKind;
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
  created_at: Date;
  data: Record<string, unknown>;
}

// bigint ids as text: the two drivers return int8 differently (see db/database.ts).
const COLUMNS = 'e.id::text AS id, e.kind, e.brand_id, e.region_id, e.store_id, e.created_at, e.data';

const toEvent = (row: EventRow): StoredEvent => ({
  id: Number(row.id),
  kind: row.kind,
  brandId: row.brand_id,
  regionId: row.region_id,
  storeId: row.store_id,
  at: row.created_at.toISOString(),
  data: row.data,
});

/** What the stream sends as an event's `data`. */
export const toLiveEvent = (event: StoredEvent): LiveEvent => ({ id: event.id, kind: event.kind, at: event.at, data: event.data });

interface NotifiedEvent {
  id?: unknown;
  kind?: unknown;
  brand?: unknown;
  region?: unknown;
  store?: unknown;
  at?: unknown;
  data?: unknown;
}

function fromNotified(e: NotifiedEvent): StoredEvent | undefined {
  if (typeof e.id !== 'number' || typeof e.kind !== 'string' || typeof e.brand !== 'string' || typeof e.data !== 'object' || e.data === null) return undefined;
  return {
    id: e.id,
    kind: e.kind as EventKind,
    brandId: e.brand,
    regionId: typeof e.region === 'string' ? e.region : null,
    storeId: typeof e.store === 'string' ? e.store : null,
    at: new Date(String(e.at)).toISOString(),
    data: e.data as Record<string, unknown>,
  };
}

/**
 * Reads a NOTIFY payload (041_events.sql): a statement's events as an array, or, when they did not
 * fit in a NOTIFY, their ids (`{ ids }`) or id range (`{ from, to }`), read back from the table.
 * A range can hold events of other statements: they are returned too, and the hub hands each
 * event out once. Anything else (a foreign NOTIFY on our channel) gives nothing.
 */
export async function eventsFromNotification(db: Queryable, payload: string): Promise<StoredEvent[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return [];
  }
  if (Array.isArray(parsed)) return parsed.flatMap((e: NotifiedEvent) => fromNotified(e) ?? []);
  const ref = parsed as { ids?: unknown; from?: unknown; to?: unknown } | null;
  let rows: EventRow[] = [];
  if (Array.isArray(ref?.ids)) rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM events e WHERE e.id = ANY($1::bigint[]) ORDER BY e.id`, [ref.ids.map(String)]);
  else if (typeof ref?.from === 'number' && typeof ref.to === 'number') rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM events e WHERE e.id BETWEEN $1 AND $2 ORDER BY e.id`, [ref.from, ref.to]);
  return rows.map(toEvent);
}

/** Where to resume a stream from: everything after `afterId`, and `overlapMs` before it. */
export interface ResumePoint {
  afterId: number;
  overlapMs: number;
}

/**
 * Events after `afterId` that `where` lets through (alias `e`), oldest first, at most `limit`, plus
 * those of the `overlapMs` before event `afterId` was written: ids are taken in insertion order but
 * transactions commit in any order, so an event with a smaller id can appear after a larger one
 * was seen. Readers dedupe by id. `anchored` is false when event `afterId` is not kept (pruned, or
 * an id this database never issued): the reader may have missed events and should reload.
 */
export async function eventsAfter(db: Queryable, from: ResumePoint, where: Where, limit: number): Promise<{ events: StoredEvent[]; anchored: boolean }> {
  const [anchor] = await db.query<{ created_at: Date }>('SELECT created_at FROM events WHERE id = $1', [from.afterId]);
  if (!anchor) return { events: [], anchored: false };
  const n = where.params.length;
  const rows = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM events e
     WHERE (e.id > $${n + 1} OR e.created_at >= $${n + 2}::timestamptz) AND ${where.sql}
     ORDER BY e.id LIMIT $${n + 3}`,
    [...where.params, from.afterId, new Date(anchor.created_at.getTime() - from.overlapMs).toISOString(), limit],
  );
  return { events: rows.map(toEvent), anchored: true };
}

/** Events written in the last `sinceMs` before `now` (a listener catching up after a reconnect). */
export async function eventsSince(db: Queryable, since: Date, limit: number): Promise<StoredEvent[]> {
  const rows = await db.query<EventRow>(`SELECT ${COLUMNS} FROM events e WHERE e.created_at >= $1 ORDER BY e.id LIMIT $2`, [since.toISOString(), limit]);
  return rows.map(toEvent);
}

/** Deletes events written before `before`; returns how many. */
export async function pruneEvents(db: Queryable, before: Date): Promise<number> {
  const rows = await db.query<{ n: number }>('WITH gone AS (DELETE FROM events WHERE created_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone', [before.toISOString()]);
  return rows[0]?.n ?? 0;
}
