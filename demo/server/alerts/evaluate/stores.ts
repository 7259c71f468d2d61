import type { StoredSubmission } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import type { Logger } from '../../log.js';
import { OpeningHoursSchema, storeCalendar, type StoreCalendar } from '../time/opening-hours.js';
import { isValidTimeZone } from '../time/zoned.js';

/** What alerting needs to know about a submission's store. */
export interface StoreInfo {
  brandId: string;
  storeId: string | null;
  /** From the hierarchy; null when the store is unknown. */
  regionId: string | null;
  name: string | null;
  calendar: StoreCalendar;
}

interface StoreRow extends Record<string, unknown> {
  region_id: string;
  name: string;
  time_zone: string;
  opening_hours: unknown;
}

/**
 * Looks a store up in the hierarchy. Unknown stores (submissions are stored and flagged, never
 * dropped) and broken time zones or opening hours fall back to UTC / always open, with a
 * warning: an alert sent at an odd hour beats an alert never sent.
 */
export async function loadStore(db: Queryable, log: Logger, brandId: string, storeId: string | null): Promise<StoreInfo> {
  const alwaysOpen: StoreInfo = { brandId, storeId, regionId: null, name: null, calendar: storeCalendar('UTC', null) };
  if (storeId === null) return alwaysOpen;
  const [row] = await db.query<StoreRow>('SELECT region_id, name, time_zone, opening_hours FROM stores WHERE brand_id = $1 AND id = $2', [brandId, storeId]);
  if (!row) return alwaysOpen;
  let timeZone = row.time_zone;
  if (!isValidTimeZone(timeZone)) {
    log.warn('store has an unknown time zone; alerts use UTC', { brand: brandId, store: storeId, timeZone });
    timeZone = 'UTC';
  }
  const hours = row.opening_hours === null ? { success: true as const, data: null } : OpeningHoursSchema.safeParse(row.opening_hours);
  if (!hours.success) log.warn('store has invalid opening hours; alerts treat it as always open', { brand: brandId, store: storeId });
  return { brandId, storeId, regionId: row.region_id, name: row.name, calendar: storeCalendar(timeZone, hours.success ? hours.data : null) };
}

interface SubmissionRow extends Record<string, unknown> {
  id: string;
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
  staff_ids: string[];
  device_id: string | null;
  channel: string;
  survey_id: string;
  created_at: Date;
  min_score: number | null;
  nps: number | null;
  flags: string[];
  body: unknown;
}

/** Narrows {@link loadStoreSubmissions} to what a rule can count. */
export interface SubmissionNarrowing {
  /** Only submissions whose lowest 1–5 score is at most this. */
  minScoreAtMost?: number | undefined;
  /** Only submissions whose NPS answer is at most this. */
  npsAtMost?: number | undefined;
  /** Leave out submissions created in these windows (`[start, end)`). */
  outside?: ReadonlyArray<{ start: Date; end: Date }>;
}

/**
 * A store's submissions created in `[from, to]`, oldest first (ties by id, the same order
 * everywhere), optionally narrowed to what a rule can count.
 */
export async function loadStoreSubmissions(db: Queryable, brandId: string, storeId: string, from: Date, to: Date, narrowing: SubmissionNarrowing = {}): Promise<StoredSubmission[]> {
  const params: unknown[] = [brandId, storeId, from.toISOString(), to.toISOString()];
  const conditions: string[] = [];
  if (narrowing.minScoreAtMost !== undefined) conditions.push(`min_score <= $${params.push(narrowing.minScoreAtMost)}`);
  if (narrowing.npsAtMost !== undefined) conditions.push(`nps <= $${params.push(narrowing.npsAtMost)}`);
  for (const window of narrowing.outside ?? []) {
    conditions.push(`NOT (created_at >= $${params.push(window.start.toISOString())}::timestamptz AND created_at < $${params.push(window.end.toISOString())}::timestamptz)`);
  }
  const rows = await db.query<SubmissionRow>(
    `SELECT id::text AS id, brand_id, region_id, store_id, staff_ids, device_id, channel, survey_id, created_at, min_score, nps, flags, body
     FROM submissions WHERE brand_id = $1 AND store_id = $2 AND created_at >= $3::timestamptz AND created_at <= $4::timestamptz
       ${conditions.map((c) => `AND ${c}`).join(' ')}
     ORDER BY created_at, id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    brandId: r.brand_id,
    regionId: r.region_id,
    storeId: r.store_id,
    staffIds: r.staff_ids,
    deviceId: r.device_id,
    channel: r.channel,
    surveyId: r.survey_id,
    createdAt: r.created_at,
    minScore: r.min_score,
    nps: r.nps,
    flags: r.flags,
    body: r.body,
  }));
}
