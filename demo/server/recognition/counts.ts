import type { Queryable } from '../db/database.js';
import { ATTRIBUTED_STAFF_SQL, KUDOS_CANDIDATE_SQL, NAMES_SOMEONE_SQL } from './attribution.js';
import type { RecognitionResponse } from './types.js';

/**
 * Kudos and forwarded kudos per store, for the stores of a scope, between two UTC days. Counts
 * per store only: no person is named or ranked.
 */
export async function recognitionByStore(db: Queryable, scope: { brandId: string; regionId: string | undefined; storeId: string | undefined }, range: { from: string; to: string }): Promise<RecognitionResponse> {
  const params: unknown[] = [scope.brandId, range.from, range.to];
  let places = 'p.brand_id = $1';
  if (scope.regionId !== undefined) places += ` AND p.region_id = $${params.push(scope.regionId)}`;
  if (scope.storeId !== undefined) places += ` AND p.id = $${params.push(scope.storeId)}`;
  const rows = await db.query<{ id: string; name: string | null; region_id: string; kudos: number; thanked: number }>(
    `SELECT p.id, p.name, p.region_id,
       (SELECT count(*) FROM submissions s
        WHERE s.brand_id = p.brand_id AND s.store_id = p.id AND s.channel <> 'employee'
          AND s.created_at >= $2::date AND s.created_at < $3::date + 1
          AND ${KUDOS_CANDIDATE_SQL} AND ${NAMES_SOMEONE_SQL}
          AND EXISTS (SELECT 1 FROM staff m WHERE m.brand_id = s.brand_id AND m.id IN (${ATTRIBUTED_STAFF_SQL})))::int AS kudos,
       (SELECT count(DISTINCT t.submission_id) FROM kudos_thanks t JOIN submissions s ON s.id = t.submission_id
        WHERE t.brand_id = p.brand_id AND t.store_id = p.id AND s.created_at >= $2::date AND s.created_at < $3::date + 1)::int AS thanked
     FROM stores p WHERE ${places}
     ORDER BY p.name, p.id`,
    params,
  );
  return { from: range.from, to: range.to, stores: rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, kudos: r.kudos, thanked: r.thanked })) };
}
