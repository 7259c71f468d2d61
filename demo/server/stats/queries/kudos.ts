import type { Queryable } from '../../db/database.js';
import { disclosedStaff } from '../../privacy/anonymity.js';
import { ATTRIBUTED_STAFF_SQL, NAMES_SOMEONE_SQL, POSITIVE_SQL } from '../../recognition/attribution.js';
import type { Filter } from '../scope.js';
import type { KudosItem, KudosThanks } from '../types.js';
import { createdAtBound, Params, submissionsWhere } from '../where.js';

interface Row {
  id: string;
  created_at: Date;
  store_id: string | null;
  store_name: string | null;
  comment: string;
  nps: number | null;
  min_score: number | null;
  staff: Array<{ id: string; name: string | null }>;
  thanks: KudosThanks[];
  [key: string]: unknown;
}

/**
 * Kudos: positive feedback with a comment, attributed to staff members by the recognition rule
 * (recognition/attribution.ts: picked in a staff question, or carried by the submission with a
 * comment the store did not already get), with the thanks managers forwarded. A staff filter
 * (a staff member's own view) keeps the kudos attributed to them, and only their own thanks.
 *
 * Kudos are recognition, so they are shown even for someone below the minimum of responses; but
 * then without scores: an item keeps its scores only when every person it names has at least
 * `minimum` responses in the window (privacy/anonymity.ts).
 */
export async function recentKudos(db: Queryable, filter: Filter, limit: number, minimum: number): Promise<KudosItem[]> {
  const where = submissionsWhere(filter, { staff: false });
  const bounded = new Params(where.params);
  // Read newest first and stopped at `limit` kudos: the `created_at` bound stops the walk at the
  // range's start when fewer are found (it read a brand's whole history, 6.6 s at 10 million
  // submissions). Only feedback that can name someone is a candidate: carrying staff ids, a
  // staff question's answer, or an attribution frozen by retention.
  const bound = createdAtBound('s', filter, bounded);
  const params = bounded.values;
  const candidates = `SELECT s.id, s.brand_id, s.created_at, s.store_id, s.staff_ids, s.attributed_staff, s.comment, s.nps, s.min_score, s.body FROM submissions s
     WHERE ${where.sql} AND ${bound} AND s.comment IS NOT NULL AND ${POSITIVE_SQL} AND ${NAMES_SOMEONE_SQL}`;
  let source = `WITH c AS (${candidates})`;
  let staffCondition = '';
  let thanksCondition = '';
  if (filter.staffId !== undefined) {
    const [home] = await db.query<{ store_id: string }>('SELECT store_id FROM staff WHERE brand_id = $1 AND id = $2', [filter.brandId, filter.staffId]);
    const p = `$${params.push(filter.staffId)}`;
    const store = `$${params.push(home?.store_id ?? null)}`;
    // One person's candidates (their id, or feedback at their store, where a staff question can
    // pick them) are few: collect them all first instead of walking the whole brand's comments.
    // `@>` rather than `= ANY`: only the former can use the GIN index on staff_ids.
    source = `WITH c AS MATERIALIZED (${candidates} AND (s.staff_ids @> ARRAY[${p}]::text[] OR s.store_id = ${store}))`;
    staffCondition = `AND named.staff @> jsonb_build_array(jsonb_build_object('id', ${p}::text))`;
    thanksCondition = `AND t.staff_id = ${p}`;
  }
  const rows = await db.query<Row>(
    `${source}
     SELECT s.id::text AS id, s.created_at, s.store_id, st.name AS store_name, s.comment, s.nps, s.min_score, named.staff, thanked.thanks
     FROM c s
     LEFT JOIN stores st ON st.brand_id = s.brand_id AND st.id = s.store_id
     CROSS JOIN LATERAL (
       SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'name', m.name) ORDER BY m.id), '[]'::jsonb) AS staff
       FROM staff m WHERE m.brand_id = s.brand_id AND m.id IN (${ATTRIBUTED_STAFF_SQL})
     ) named
     CROSS JOIN LATERAL (
       SELECT coalesce(jsonb_agg(jsonb_build_object('staffId', t.staff_id, 'text', t.text, 'from', t.author_name,
         'createdAt', to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY t.staff_id), '[]'::jsonb) AS thanks
       FROM kudos_thanks t WHERE t.submission_id = s.id ${thanksCondition}
     ) thanked
     WHERE jsonb_array_length(named.staff) > 0 ${staffCondition}
     ORDER BY s.created_at DESC LIMIT $${params.length + 1}`,
    [...params, limit],
  );
  const shown = await disclosedStaff(db, filter, rows.flatMap((r) => r.staff.map((s) => s.id)), minimum);
  return rows.map((r) => {
    const scored = r.staff.every((s) => shown.has(s.id));
    return { id: r.id, createdAt: r.created_at.toISOString(), storeId: r.store_id, storeName: r.store_name, staff: r.staff, text: r.comment, nps: scored ? r.nps : null, minScore: scored ? r.min_score : null, thanks: r.thanks };
  });
}
