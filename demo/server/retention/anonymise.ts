import type { Queryable } from '../db/database.js';
import { freezeAttributionSql, moveCommentFirstsSql } from '../recognition/attribution.js';

/**
 * The statements that erase personal content, shared by the retention job and a person's erasure.
 * Ids travel as one JSON array parameter (both drivers pass text the same way).
 */

const IDS = 'SELECT value::uuid FROM jsonb_array_elements_text($1::text::jsonb)';

/** Advisory-lock class of text erasure (the two-key form keeps clear of migrate's lock; alerts use 20). */
const ANONYMISE_LOCK_CLASS = 21;

/**
 * Takes the transaction-scoped lock that erasing submission text holds: a transaction calls it
 * **before it locks any submission row**, then {@link anonymiseSubmissions}. Freezing the kudos
 * attribution writes rows outside the batch (later ones with the same comment), so two instances
 * erasing at once would otherwise lock each other's rows in opposite orders and deadlock.
 */
export async function lockAnonymisation(tx: Queryable): Promise<void> {
  // One lock for every brand: an erasure may span brands, and retention is background work.
  await tx.query('SELECT pg_advisory_xact_lock($1, 0)', [ANONYMISE_LOCK_CLASS]);
}

/**
 * Erases the free text, "Other" text and page URL of submissions (their body through
 * `anonymised_submission_body`, migration 080) and marks them anonymised. Scores, option ids,
 * `has_comment` and topics stay, so the rollups (updated by their trigger) keep every count, and
 * the kudos attribution is frozen first (recognition/attribution.ts), so recognition does too.
 * Returns how many rows changed (already anonymised ones are left alone: idempotent).
 */
export async function anonymiseSubmissions(db: Queryable, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  // Who got kudos is decided from the comment: written down before the comment goes.
  const erased = `SELECT x.id FROM (${IDS}) x(id) JOIN submissions a ON a.id = x.id WHERE a.anonymised_at IS NULL`;
  await db.query(freezeAttributionSql(erased), [JSON.stringify(ids)]);
  // "The store already got this comment" then forgets the erased texts (while they can still be read).
  for (const statement of moveCommentFirstsSql(erased)) await db.query(statement, [JSON.stringify(ids)]);
  const rows = await db.query<{ n: number }>(
    `WITH done AS (
       UPDATE submissions SET comment = NULL, body = anonymised_submission_body(body), anonymised_at = $2
       WHERE id IN (${IDS}) AND anonymised_at IS NULL RETURNING 1)
     SELECT count(*)::int AS n FROM done`,
    [JSON.stringify(ids), now.toISOString()],
  );
  return rows[0]?.n ?? 0;
}

/** Clears the contact details kept for submissions (`submission_contacts`); returns how many. */
export async function eraseContacts(db: Queryable, submissionIds: readonly string[], now: Date): Promise<number> {
  if (submissionIds.length === 0) return 0;
  const rows = await db.query<{ n: number }>(
    `WITH done AS (
       UPDATE submission_contacts SET value = NULL, erased_at = $2
       WHERE submission_id IN (${IDS}) AND erased_at IS NULL RETURNING 1)
     SELECT count(*)::int AS n FROM done`,
    [JSON.stringify(submissionIds), now.toISOString()],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Erases what managers wrote on the cases of these submissions (notes, contact attempts, the
 * resolution note), which is about the customer; the history of what happened (status changes,
 * assignment, escalation, root cause, times) stays, as the closing-the-loop metrics need it.
 * Returns how many notes changed.
 */
export async function eraseCaseText(db: Queryable, submissionIds: readonly string[]): Promise<number> {
  if (submissionIds.length === 0) return 0;
  const ids = JSON.stringify(submissionIds);
  await db.query(`UPDATE cases SET resolution_note = '' WHERE submission_id IN (${IDS}) AND resolution_note IS NOT NULL AND resolution_note <> ''`, [ids]);
  const rows = await db.query<{ n: number }>(
    `WITH done AS (
       UPDATE case_notes SET text = NULL
       WHERE case_id IN (SELECT id FROM cases WHERE submission_id IN (${IDS})) AND text IS NOT NULL RETURNING 1)
     SELECT count(*)::int AS n FROM done`,
    [ids],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Anonymises the copies of these submissions kept in alert events (the webhook payload); returns
 * how many events changed.
 */
export async function anonymiseAlertCopies(db: Queryable, submissionIds: readonly string[]): Promise<number> {
  if (submissionIds.length === 0) return 0;
  const rows = await db.query<{ n: number }>(
    `WITH ids AS (SELECT jsonb_array_elements_text($1::text::jsonb) AS id),
     done AS (
       UPDATE alert_events e SET body = anonymised_alert_body(e.body, ARRAY(SELECT id FROM ids))
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(e.body::jsonb->'submissions') = 'array' THEN e.body::jsonb->'submissions' ELSE '[]'::jsonb END) x(s)
                     WHERE x.s->>'id' IN (SELECT id FROM ids))
       RETURNING 1)
     SELECT count(*)::int AS n FROM done`,
    [JSON.stringify(submissionIds)],
  );
  return rows[0]?.n ?? 0;
}
