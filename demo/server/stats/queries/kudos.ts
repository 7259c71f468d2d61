import type { Queryable } from '../../db/database.js';
import { disclosedStaff } from '../../privacy/anonymity.js';
import { ATTRIBUTED_ROSTER_SQL, NAMES_SOMEONE_SQL, namedOtherwiseSql, POSITIVE_SQL } from '../../recognition/attribution.js';
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
  // Read newest first and stopped at `limit` kudos; the `created_at` bound stops the walk at the
  // range's start when fewer are found (it read a brand's whole history, 6.6 s at 10 million
  // submissions).
  const bound = createdAtBound('s', filter, bounded);
  const params = bounded.values;
  const positive = `s.comment IS NOT NULL AND ${POSITIVE_SQL}`;
  const columns = 's.id, s.brand_id, s.created_at, s.store_id, s.staff_ids, s.attributed_staff, s.comment, s.nps, s.min_score, s.body';
  let staffCondition = '';
  let thanksCondition = '';
  let branches: string[];
  if (filter.staffId !== undefined) {
    const [home] = await db.query<{ store_id: string }>('SELECT store_id FROM staff WHERE brand_id = $1 AND id = $2', [filter.brandId, filter.staffId]);
    const p = `$${params.push(filter.staffId)}`;
    const store = `$${params.push(home?.store_id ?? null)}`;
    // One person's candidates (their id, or feedback at their store, where a staff question can
    // pick them) are few: collect them all first instead of walking the whole brand's comments.
    // `@>` rather than `= ANY`: only the former can use the GIN index on staff_ids.
    branches = [`SELECT ${columns} FROM submissions s WHERE ${where.sql} AND ${bound} AND ${positive} AND ${NAMES_SOMEONE_SQL} AND (s.staff_ids @> ARRAY[${p}]::text[] OR s.store_id = ${store})`];
    staffCondition = `AND named.staff @> jsonb_build_array(jsonb_build_object('id', ${p}::text))`;
    thanksCondition = `AND t.staff_id = ${p}`;
  } else {
    // The first comments of the scope's stores, by the index that matches the scope.
    const firstsScope = [`f.brand_id = $1`, createdAtBound('f', filter, bounded)];
    // Customer kudos: only the carried candidates (migration 087's flag; its partial index).
    if (filter.channel === 'customer') firstsScope.push('f.kudos_candidate');
    if (filter.regionId !== undefined) firstsScope.push(`f.region_id = ${bounded.add(filter.regionId)}`);
    if (filter.storeId !== undefined) firstsScope.push(`f.store_id = ${bounded.add(filter.storeId)}`);
    // Every kudos is one of two disjoint kinds, each read newest first from its own index, so a
    // range where comments repeat (presets: no kudos) is not read comment by comment:
    // - staff ids carried with a store's first comment: the stores' first comments of the range
    //   (store_comment_firsts, migration 087), then their submissions;
    // - the rest that can name someone: the partial index submissions_kudos_named.
    branches = [
      // Walked newest first, each first comment's submission looked up by its key (a lateral
      // join with LIMIT 1 is never turned into a hash join, which read every first comment of the
      // range before sorting); f.created_at is s.created_at, named so the order is the index's.
      `SELECT ${columns.replace('s.created_at', 'f.created_at')} FROM store_comment_firsts f
       CROSS JOIN LATERAL (
         SELECT s.* FROM submissions s
         WHERE s.id = f.submission_id AND ${where.sql} AND ${bound} AND ${positive} AND cardinality(s.staff_ids) > 0 AND NOT ${namedOtherwiseSql('s.')}
         LIMIT 1) s
       WHERE ${firstsScope.join(' AND ')}`,
      `SELECT ${columns} FROM submissions s WHERE ${where.sql} AND ${bound} AND ${namedOtherwiseSql('s.')} AND ${positive}`,
    ];
  }
  const limitParam = `$${params.push(limit)}`;
  // Each branch keeps its newest `limit` kudos (who is named is decided inside it, so none is
  // cut before it is known to count); the newest `limit` of both are the answer.
  const kudosOf = (candidates: string) => `(
     SELECT s.id::text AS id, s.created_at, s.store_id, st.name AS store_name, s.comment, s.nps, s.min_score, named.staff, thanked.thanks
     FROM (${candidates}) s
     LEFT JOIN stores st ON st.brand_id = s.brand_id AND st.id = s.store_id
     CROSS JOIN LATERAL (
       SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'name', m.name) ORDER BY m.id), '[]'::jsonb) AS staff
       FROM (${ATTRIBUTED_ROSTER_SQL}) m
     ) named
     CROSS JOIN LATERAL (
       SELECT coalesce(jsonb_agg(jsonb_build_object('staffId', t.staff_id, 'text', t.text, 'from', t.author_name,
         'createdAt', to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY t.staff_id), '[]'::jsonb) AS thanks
       FROM kudos_thanks t WHERE t.submission_id = s.id ${thanksCondition}
     ) thanked
     WHERE jsonb_array_length(named.staff) > 0 ${staffCondition}
     ORDER BY s.created_at DESC LIMIT ${limitParam})`;
  const rows = await db.query<Row>(`SELECT * FROM (${branches.map(kudosOf).join(' UNION ALL ')}) k ORDER BY k.created_at DESC, k.id DESC LIMIT ${limitParam}`, params);
  const shown = await disclosedStaff(db, filter, rows.flatMap((r) => r.staff.map((s) => s.id)), minimum);
  return rows.map((r) => {
    const scored = r.staff.every((s) => shown.has(s.id));
    return { id: r.id, createdAt: r.created_at.toISOString(), storeId: r.store_id, storeName: r.store_name, staff: r.staff, text: r.comment, nps: scored ? r.nps : null, minScore: scored ? r.min_score : null, thanks: r.thanks };
  });
}
