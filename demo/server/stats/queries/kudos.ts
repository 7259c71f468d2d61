import type { Queryable } from '../../db/database.js';
import { disclosedStaff } from '../../privacy/anonymity.js';
import type { Filter } from '../scope.js';
import type { KudosItem } from '../types.js';
import { submissionsWhere } from '../where.js';

interface Row {
  id: string;
  created_at: Date;
  store_id: string | null;
  store_name: string | null;
  comment: string;
  nps: number | null;
  min_score: number | null;
  staff: Array<{ id: string; name: string | null }>;
  [key: string]: unknown;
}

/**
 * Kudos: positive feedback with a comment that names a staff member — by id (the staff answer
 * or context) or by first name in the text, for staff of the store it was given at. Positive
 * means every rating given is high (1–5 scales ≥ 4, NPS ≥ 9) and at least one was given.
 * A staff filter (a staff member's own view) matches either way of naming them.
 *
 * Kudos are recognition, so they are shown even for someone below the minimum of responses; but
 * then without scores: an item keeps its scores only when every person it names has at least
 * `minimum` responses in the window (privacy/anonymity.ts).
 */
export async function recentKudos(db: Queryable, filter: Filter, limit: number, minimum: number): Promise<KudosItem[]> {
  const where = submissionsWhere(filter, { staff: false });
  const params = [...where.params];
  const candidates = `SELECT s.id, s.brand_id, s.created_at, s.store_id, s.staff_ids, s.comment, s.nps, s.min_score FROM submissions s
     WHERE ${where.sql} AND s.comment IS NOT NULL
       AND (s.min_score IS NOT NULL OR s.nps IS NOT NULL) AND coalesce(s.min_score, 5) >= 4 AND coalesce(s.nps, 10) >= 9`;
  let source = `WITH c AS (${candidates})`;
  let staffCondition = '';
  if (filter.staffId !== undefined) {
    const [home] = await db.query<{ store_id: string }>('SELECT store_id FROM staff WHERE brand_id = $1 AND id = $2', [filter.brandId, filter.staffId]);
    const p = `$${params.push(filter.staffId)}`;
    const store = `$${params.push(home?.store_id ?? null)}`;
    // One person's candidates (their id, or comments at their store) are few: collect them all
    // first instead of walking the whole brand's comments newest-first looking for a rare match.
    // `@>` rather than `= ANY`: only the former can use the GIN index on staff_ids.
    source = `WITH c AS MATERIALIZED (${candidates} AND (s.staff_ids @> ARRAY[${p}]::text[] OR s.store_id = ${store}))`;
    staffCondition = `AND named.staff @> jsonb_build_array(jsonb_build_object('id', ${p}::text))`;
  }
  // The first name is escaped before it becomes a regular expression: names are data.
  const rows = await db.query<Row>(
    `${source}
     SELECT s.id::text AS id, s.created_at, s.store_id, st.name AS store_name, s.comment, s.nps, s.min_score, named.staff
     FROM c s
     LEFT JOIN stores st ON st.brand_id = s.brand_id AND st.id = s.store_id
     CROSS JOIN LATERAL (
       SELECT coalesce(jsonb_agg(jsonb_build_object('id', x.id, 'name', x.name) ORDER BY x.id), '[]'::jsonb) AS staff
       FROM (
         SELECT u.id, m.name FROM unnest(s.staff_ids) AS u(id) LEFT JOIN staff m ON m.brand_id = s.brand_id AND m.id = u.id
         UNION
         SELECT m.id, m.name FROM staff m
         WHERE m.brand_id = s.brand_id AND m.store_id = s.store_id
           AND s.comment ~* ('\\m' || regexp_replace(split_part(m.name, ' ', 1), '([^[:alnum:]])', '\\\\\\1', 'g') || '\\M')
       ) x
     ) named
     WHERE jsonb_array_length(named.staff) > 0 ${staffCondition}
     ORDER BY s.created_at DESC LIMIT $${params.length + 1}`,
    [...params, limit],
  );
  const shown = await disclosedStaff(db, filter, rows.flatMap((r) => r.staff.map((s) => s.id)), minimum);
  return rows.map((r) => {
    const scored = r.staff.every((s) => shown.has(s.id));
    return { id: r.id, createdAt: r.created_at.toISOString(), storeId: r.store_id, storeName: r.store_name, staff: r.staff, text: r.comment, nps: scored ? r.nps : null, minScore: scored ? r.min_score : null };
  });
}
