/**
 * The recognition rule (issue 15.4, docs/collector.md "Recognition"): customer feedback is
 * attributed to a staff member only when the customer picked or named them:
 *
 * 1. **picked**: the customer chose them in a staff question (`type: "staff"` answer); or
 * 2. **carried**: the submission carries their id (`context.staff`: the receipt QR code, the
 *    till or kiosk they were logged in at) **with a positive score** (every rating given is high,
 *    at least one given) **and a comment the store did not already get**: the same text
 *    (ignoring case and surrounding spaces) in an earlier submission at the same store is a
 *    preset, a copy or a store-wide remark, not about this person.
 *
 * So a complaint that merely carries the id of whoever was at the till ("Card terminal was
 * broken again") is the store's, never the person's. A first name in the text alone attributes
 * nothing: "Ann" may be two people, or a street. Kudos are attributed feedback with a positive
 * score and a comment.
 *
 * SQL fragments over a `submissions` row aliased `s`; they take no parameters but the ones named.
 * The first-comment check and the kudos index are kept by migration 087 (docs/collector.md,
 * "Recognition").
 */

/** Whether the submission is positive: at least one rating, and every rating high (1–5 ≥ 4, NPS ≥ 9). */
export const positiveSql = (prefix: string): string =>
  `(${prefix}min_score IS NOT NULL OR ${prefix}nps IS NOT NULL) AND coalesce(${prefix}min_score, 5) >= 4 AND coalesce(${prefix}nps, 10) >= 9`;
/** {@link positiveSql} of the row `s`. */
export const POSITIVE_SQL = positiveSql('s.');

/**
 * Whether the submission could be attributed to anyone at all: it carries staff ids, has an
 * answer to a staff question, or retention froze an attribution for it. A cheap first cut before
 * {@link ATTRIBUTED_STAFF_SQL}, which unpacks the answers and looks the comment up.
 */
export const NAMES_SOMEONE_SQL = `(cardinality(s.staff_ids) > 0 OR s.attributed_staff IS NOT NULL OR s.body @? '$.answers[*] ? (@.type == "staff")')`;

/** The staff ids the customer picked in a staff question, as rows `(id)`. */
const PICKED_SQL = `SELECT a->>'value' AS id
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(s.body->'answers') = 'array' THEN s.body->'answers' ELSE '[]'::jsonb END) a
  WHERE a->>'type' = 'staff' AND jsonb_typeof(a->'value') = 'string'`;

/** The key a comment is compared by: its text without case and surrounding spaces, hashed (md5, 32 hex digits). */
export const commentKeySql = (alias: string): string => `md5(lower(btrim(${alias}.comment)))`;

/**
 * Whether the submission's comment is the first its store got with that text (or it has no
 * store, so nothing to repeat). Decided once, when submissions are inserted: the trigger of
 * migration 087 keeps, per store and comment key, the earliest submission (by time, then id) in
 * `store_comment_firsts`, also when an earlier one arrives late or two arrive at once. So this is
 * one primary-key lookup, and "the store already got it" stays true when the earlier text is
 * erased (retention moves the entry to the next remaining one, after freezing the attributions
 * it would change: {@link freezeAttributionSql}).
 */
export const FIRST_COMMENT_SQL = `(s.store_id IS NULL OR EXISTS (
  SELECT 1 FROM store_comment_firsts f
  WHERE f.brand_id = s.brand_id AND f.store_id = s.store_id AND f.comment_key = ${commentKeySql('s')} AND f.submission_id = s.id))`;

/**
 * Feedback that can name someone other than through a store's first comment: an attribution
 * frozen by retention (also once its words are erased), or with a comment, a staff question's
 * answer or staff ids carried without a store. With the stores' first comments
 * ({@link FIRST_COMMENT_SQL}), these are every kudos candidate; the partial index
 * `submissions_kudos_named` (migration 087) holds exactly these rows, so the kudos list finds
 * them without reading every positive comment (stats/queries/kudos.ts). `prefix` is the row's
 * alias (`s.`), or none in the index's predicate. Changing it needs a migration that makes the
 * index again: a query no longer implied by its predicate would scan instead.
 */
export const namedOtherwiseSql = (prefix: string): string =>
  `(${prefix}attributed_staff IS NOT NULL OR (${prefix}comment IS NOT NULL AND (${prefix}body @? '$.answers[*] ? (@.type == "staff")' OR (${prefix}store_id IS NULL AND cardinality(${prefix}staff_ids) > 0))))`;

/**
 * Whether a store's first comment is a carried kudos candidate: customer feedback, positive,
 * carrying staff ids, and named in no other way ({@link namedOtherwiseSql}). Its attribution is
 * then its carried ids that are on the roster. Kept with the first comment
 * (`store_comment_firsts.kudos_candidate`, with its `staff_ids`), so the per-store kudos counts
 * read neither the submissions nor their answers. Over a row with `prefix` (`n.`, `o.`, `s.`).
 */
export const carriedCandidateSql = (prefix: string): string =>
  `(${prefix}channel <> 'employee' AND ${prefix}comment IS NOT NULL AND ${positiveSql(prefix)} AND cardinality(${prefix}staff_ids) > 0 AND NOT ${namedOtherwiseSql(prefix)})`;

/** The attribution decided live from the submission's answers and comment, as rows `(id)`. */
const LIVE_ATTRIBUTION_SQL = `${PICKED_SQL}
  UNION
  SELECT u.id FROM unnest(s.staff_ids) AS u(id) WHERE s.comment IS NOT NULL AND ${POSITIVE_SQL} AND ${FIRST_COMMENT_SQL}`;

/**
 * The staff ids a submission with a comment is attributed to (picked, or carried with a comment
 * the store did not already get), as rows `(id)`. Where retention or an erasure froze it
 * (`s.attributed_staff`, migration 082, {@link FREEZE_ATTRIBUTION_SQL}), that is the answer:
 * erasing text never changes who got kudos.
 */
export const ATTRIBUTED_STAFF_SQL = `SELECT u.id FROM unnest(s.attributed_staff) AS u(id)
  UNION
  SELECT l.id FROM (${LIVE_ATTRIBUTION_SQL}) l WHERE s.attributed_staff IS NULL`;

/**
 * The staff members on the brand's roster a submission is attributed to, as rows `m` of `staff`
 * (`m.id`, `m.name`): the few attributed ids, worked out once, looked up by the roster's primary
 * key. Written as `m.id IN (…)`, PostgreSQL ran the attribution once per person on the roster for
 * every candidate (the per-store kudos counts of a brand's 30 days took over 5 minutes at 10
 * million submissions and 5,000 staff); as a join, it hashed the whole roster per candidate.
 */
export const ATTRIBUTED_ROSTER_SQL = `SELECT m.* FROM staff m WHERE m.brand_id = s.brand_id AND m.id = ANY (ARRAY(${ATTRIBUTED_STAFF_SQL}))`;

/**
 * Whether the submission counts as a kudos candidate: positive, with a comment. `has_comment`
 * rather than the text, so a kudos whose words were erased still counts.
 */
export const KUDOS_CANDIDATE_SQL = `s.has_comment AND ${POSITIVE_SQL}`;

/**
 * Freezes the attribution of the submissions in `idsSql` (a subquery of uuids) and of every later
 * one at the same store with the same comment (whose attribution reads theirs), before their
 * comments are erased. Already frozen rows are left alone.
 */
export function freezeAttributionSql(idsSql: string): string {
  return `UPDATE submissions s SET attributed_staff = ARRAY(SELECT a.id FROM (${LIVE_ATTRIBUTION_SQL}) a ORDER BY a.id)
    WHERE s.attributed_staff IS NULL AND (
      s.id IN (${idsSql})
      OR (s.comment IS NOT NULL AND EXISTS (
        SELECT 1 FROM submissions o
        WHERE o.id IN (${idsSql}) AND o.comment IS NOT NULL AND o.brand_id = s.brand_id AND o.store_id = s.store_id
          AND ${commentKeySql('o')} = ${commentKeySql('s')} AND (o.created_at, o.id) < (s.created_at, s.id))))`;
}

/**
 * Before the comments of the submissions in `idsSql` (a subquery of uuids) are erased: each
 * first-comment entry that names one of them moves to the store's next submission with that
 * comment that stays, or goes when there is none. That is the answer the rule gave when it
 * compared texts live (an erased text is no longer there to repeat); the attributions the move
 * changes were frozen first ({@link freezeAttributionSql}). Two statements, run in this order,
 * in the erasure's transaction; both take `idsSql`'s parameters.
 */
export function moveCommentFirstsSql(idsSql: string): [update: string, remove: string] {
  const erasedFirsts = `SELECT f.brand_id, f.store_id, f.comment_key FROM submissions e
    JOIN store_comment_firsts f ON f.brand_id = e.brand_id AND f.store_id = e.store_id AND f.comment_key = ${commentKeySql('e')} AND f.submission_id = e.id
    WHERE e.id IN (${idsSql}) AND e.comment IS NOT NULL`;
  const next = `SELECT o.id, o.created_at, o.region_id, ${carriedCandidateSql('o.')}, o.staff_ids FROM submissions o
    WHERE o.brand_id = f.brand_id AND o.store_id = f.store_id AND o.comment IS NOT NULL AND ${commentKeySql('o')} = f.comment_key AND o.id NOT IN (${idsSql})
    ORDER BY o.created_at, o.id LIMIT 1`;
  return [
    `UPDATE store_comment_firsts f SET (submission_id, created_at, region_id, kudos_candidate, staff_ids) = (${next}) WHERE (f.brand_id, f.store_id, f.comment_key) IN (${erasedFirsts}) AND EXISTS (${next})`,
    // What did not move (no other submission has the text) goes: its erased row matches still.
    `DELETE FROM store_comment_firsts f WHERE (f.brand_id, f.store_id, f.comment_key) IN (${erasedFirsts})`,
  ];
}

/** Whether the submission is attributed to the staff member in `staffParam` (e.g. `$4`). */
export function attributedToSql(staffParam: string): string {
  return `${staffParam}::text IN (${ATTRIBUTED_STAFF_SQL})`;
}
