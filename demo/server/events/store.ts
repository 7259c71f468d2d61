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

/**
 * Reads a NOTIFY payload: the whole event, or `{ id }` alone for one too large to announce, which
 * is then read from the table. Anything else (a foreign NOTIFY on our channel) is ignored.
 */
export async function eventFromNotification(db: Queryable, payload: string): Promise<StoredEvent | undefined> {
  let parsed: { id?: unknown; kind?: unknown; brand?: unknown; region?: unknown; store?: unknown; at?: unknown; data?: unknown };
  try {
    parsed = JSON.parse(payload) as typeof parsed;
  } catch {
    return undefined;
  }
  if (typeof parsed.id !== 'number') return undefined;
  if (typeof parsed.kind !== 'string' || typeof parsed.brand !== 'string' || typeof parsed.data !== 'object' || parsed.data === null) {
    const [row] = await db.query<EventRow>(`SELECT ${COLUMNS} FROM events e WHERE e.id = $1`, [parsed.id]);
    return row && toEvent(row);
  }
  return {
    id: parsed.id,
    kind: parsed.kind as EventKind,
    brandId: parsed.brand,
    regionId: typeof parsed.region === 'string' ? parsed.region : null,
    storeId: typeof parsed.store === 'string' ? parsed.store : null,
    at: new Date(String(parsed.at)).toISOString(),
    data: parsed.data as Record<string, unknown>,
  };
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
