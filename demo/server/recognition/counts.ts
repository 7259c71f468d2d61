import type { Queryable } from '../db/database.js';
import { ATTRIBUTED_ROSTER_SQL, KUDOS_CANDIDATE_SQL, namedOtherwiseSql } from './attribution.js';
import type { RecognitionResponse } from './types.js';

/**
 * Kudos and forwarded kudos per store, for the stores of a scope, between two UTC days. Counts
 * per store only: no person is named or ranked.
 *
 * Kudos are counted like the kudos list reads them (stats/queries/kudos.ts), from two disjoint
 * sets each with its own index: the stores' first comments that are carried candidates
 * (`store_comment_firsts`, which keeps the flag and the carried ids, so no submission is read),
 * attributed to their carried ids on the roster, and the rest that can name someone
 * (`submissions_kudos_named`), which get the whole rule. A kudos whose words were erased still
 * counts: its attribution was frozen, so it is in the second set.
 */
export async function recognitionByStore(db: Queryable, scope: { brandId: string; regionId: string | undefined; storeId: string | undefined }, range: { from: string; to: string }): Promise<RecognitionResponse> {
  const params: unknown[] = [scope.brandId, range.from, range.to];
  const inRange = (alias: string) => `${alias}.created_at >= $2::date AND ${alias}.created_at < $3::date + 1`;
  let places = 'p.brand_id = $1';
  let firsts = '';
  let named = '';
  if (scope.regionId !== undefined) {
    const region = `$${params.push(scope.regionId)}`;
    places += ` AND p.region_id = ${region}`;
    // A region's stores as they are now, like the store rows the counts are for (a store that
    // moved brings its kudos with it).
    const stores = `(SELECT st.id FROM stores st WHERE st.brand_id = $1 AND st.region_id = ${region})`;
    firsts += ` AND f.store_id IN ${stores}`;
    named += ` AND s.store_id IN ${stores}`;
  }
  if (scope.storeId !== undefined) {
    const store = `$${params.push(scope.storeId)}`;
    places += ` AND p.id = ${store}`;
    firsts += ` AND f.store_id = ${store}`;
    named += ` AND s.store_id = ${store}`;
  }
  const rows = await db.query<{ id: string; name: string | null; region_id: string; kudos: number; thanked: number }>(
    `WITH kudos AS (
       -- One roster match is enough (LIMIT 1: no duplicates to remove); PostgreSQL remembers the
       -- answer per list of ids, of which a brand has few.
       SELECT f.store_id FROM store_comment_firsts f
       CROSS JOIN LATERAL (SELECT 1 FROM unnest(f.staff_ids) AS u(id) JOIN staff m ON m.brand_id = f.brand_id AND m.id = u.id LIMIT 1) r
       WHERE f.brand_id = $1 AND f.kudos_candidate AND ${inRange('f')}${firsts}
       UNION ALL
       SELECT s.store_id FROM submissions s
       WHERE s.brand_id = $1 AND ${inRange('s')}${named} AND ${namedOtherwiseSql('s.')} AND s.channel <> 'employee' AND ${KUDOS_CANDIDATE_SQL}
         AND EXISTS (${ATTRIBUTED_ROSTER_SQL})
     ), per_store AS (SELECT store_id, count(*)::int AS n FROM kudos GROUP BY store_id)
     SELECT p.id, p.name, p.region_id, coalesce(k.n, 0) AS kudos,
       (SELECT count(DISTINCT t.submission_id) FROM kudos_thanks t JOIN submissions s ON s.id = t.submission_id
        WHERE t.brand_id = p.brand_id AND t.store_id = p.id AND ${inRange('s')})::int AS thanked
     FROM stores p LEFT JOIN per_store k ON k.store_id = p.id
     WHERE ${places}
     ORDER BY p.name, p.id`,
    params,
  );
  return { from: range.from, to: range.to, stores: rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, kudos: r.kudos, thanked: r.thanked })) };
}
