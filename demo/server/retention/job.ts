import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { loadBrandSettings } from '../settings/repository.js';
import type { RetentionSettings } from '../settings/schema.js';
import { anonymiseSubmissions, eraseCaseText, eraseContacts, lockAnonymisation } from './anonymise.js';
import { normaliseEmail, normalisePhone, redactContact, type ContactQuery } from './contact-match.js';
import { recordRun, type RetentionCounts } from './last-run.js';

const DAY_MS = 86_400_000;

/** How much one run may do at most, so a first run over years of data cannot hold the database. */
export interface RetentionLimits {
  /** Rows per statement. @default RETENTION_BATCH_SIZE (500) */
  batchSize: number;
  /** Batches per brand and kind of data per run; the rest waits for the next run. @default 20 */
  maxBatches: number;
}

/**
 * The moments before which a brand's data is due (see {@link RetentionSettings}):
 * - a contact is erased when `received + contactDays ≤ now`, or when its case is resolved and
 *   `resolvedAt + contactDaysAfterResolved ≤ now`: whichever comes first;
 * - free text and page URLs when `createdAt + freeTextDays ≤ now`.
 */
export function retentionCutoffs(settings: RetentionSettings, now: Date): { contactsReceivedBefore: Date; casesResolvedBefore: Date; textCreatedBefore: Date } {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return { contactsReceivedBefore: ago(settings.contactDays), casesResolvedBefore: ago(settings.contactDaysAfterResolved), textCreatedBefore: ago(settings.freeTextDays) };
}

const emptyCounts = (): RetentionCounts => ({ brands: 0, contactsErased: 0, submissionsAnonymised: 0, caseNotesErased: 0, alertEventsAnonymised: 0 });

/**
 * Runs retention once over every brand: erases due contact details (and their quotes in case
 * notes), then anonymises due submissions (free text, "Other" text, page URL, case notes) and
 * alert payloads. Every batch is one transaction that takes its rows with `FOR UPDATE SKIP LOCKED`
 * and only rows not yet done, so several instances running at once share the work and a row is
 * never done twice. Logs counts, never content; {@link lastRetentionRun} reads the outcome.
 */
export async function runRetention(ctx: Pick<AppContext, 'db' | 'log' | 'now' | 'config'>, limits: Partial<RetentionLimits> = {}): Promise<RetentionCounts> {
  const { batchSize = ctx.config.RETENTION_BATCH_SIZE, maxBatches = 20 } = limits;
  const startedAt = ctx.now();
  const counts = emptyCounts();
  try {
    const brands = await ctx.db.query<{ id: string }>('SELECT id FROM brands ORDER BY id');
    for (const { id: brandId } of brands) {
      const { settings } = await loadBrandSettings(ctx.db, brandId, ctx.log);
      const cutoffs = retentionCutoffs(settings.retention, ctx.now());
      counts.brands++;
      for (let batch = 0; batch < maxBatches; batch++) {
        const done = await ctx.db.transaction((tx) => eraseDueContacts(tx, brandId, cutoffs, batchSize, ctx.now()));
        counts.contactsErased += done.contacts;
        counts.caseNotesErased += done.notes;
        if (done.contacts < batchSize) break;
      }
      for (let batch = 0; batch < maxBatches; batch++) {
        const done = await ctx.db.transaction((tx) => anonymiseDueSubmissions(tx, brandId, cutoffs.textCreatedBefore, batchSize, ctx.now()));
        counts.submissionsAnonymised += done.submissions;
        counts.contactsErased += done.contacts;
        counts.caseNotesErased += done.notes;
        if (done.submissions < batchSize) break;
      }
      for (let batch = 0; batch < maxBatches; batch++) {
        const done = await anonymiseDueAlertEvents(ctx.db, brandId, cutoffs.textCreatedBefore, batchSize, ctx.now());
        counts.alertEventsAnonymised += done;
        if (done < batchSize) break;
      }
    }
  } catch (error) {
    recordRun(ctx.db, { startedAt, finishedAt: ctx.now(), counts, error: String(error) });
    ctx.log.error('retention run failed', { ...counts, error: String(error) });
    throw error;
  }
  recordRun(ctx.db, { startedAt, finishedAt: ctx.now(), counts, error: null });
  ctx.log.info('retention run', { ...counts, ms: ctx.now().getTime() - startedAt.getTime() });
  return counts;
}

/** One batch of due contact details of a brand, and their quotes in the notes of their case. */
async function eraseDueContacts(tx: Queryable, brandId: string, cutoffs: ReturnType<typeof retentionCutoffs>, batchSize: number, now: Date): Promise<{ contacts: number; notes: number }> {
  const due = await tx.query<{ id: string; kind: string; value: string }>(
    `SELECT k.submission_id::text AS id, k.kind, k.value FROM submission_contacts k
     JOIN submissions s ON s.id = k.submission_id
     LEFT JOIN cases c ON c.submission_id = k.submission_id
     WHERE s.brand_id = $1 AND k.erased_at IS NULL AND (k.created_at <= $2 OR c.resolved_at <= $3)
     ORDER BY k.created_at LIMIT $4
     FOR UPDATE OF k SKIP LOCKED`,
    [brandId, cutoffs.contactsReceivedBefore.toISOString(), cutoffs.casesResolvedBefore.toISOString(), batchSize],
  );
  let notes = 0;
  for (const contact of due) notes += await redactQuotesOnCase(tx, contact.id, contact.kind, contact.value);
  const contacts = await eraseContacts(
    tx,
    due.map((d) => d.id),
    now,
  );
  return { contacts, notes };
}

/** Replaces a contact quoted in the notes of one submission's case by `[erased]`. */
async function redactQuotesOnCase(tx: Queryable, submissionId: string, kind: string, value: string): Promise<number> {
  const query: ContactQuery | null = kind === 'email' ? { kind, value: normaliseEmail(value) } : kind === 'phone' ? { kind, value: normalisePhone(value) } : null;
  const notes = await tx.query<{ id: string; text: string }>('SELECT n.id::text AS id, n.text FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE c.submission_id = $1 AND n.text IS NOT NULL', [submissionId]);
  let changed = 0;
  for (const note of notes) {
    // `other` contact details are free text: they are looked for as typed.
    const redacted = query ? redactContact(note.text, query) : note.text.split(value).join('[erased]');
    if (redacted === note.text) continue;
    await tx.query('UPDATE case_notes SET text = $2 WHERE id = $1', [note.id, redacted]);
    changed++;
  }
  return changed;
}

/** One batch of a brand's submissions whose free text is due, with their contacts and case notes. */
async function anonymiseDueSubmissions(tx: Queryable, brandId: string, createdBefore: Date, batchSize: number, now: Date): Promise<{ submissions: number; contacts: number; notes: number }> {
  await lockAnonymisation(tx);
  const due = await tx.query<{ id: string }>(
    `SELECT id::text AS id FROM submissions WHERE brand_id = $1 AND anonymised_at IS NULL AND created_at <= $2
     ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [brandId, createdBefore.toISOString(), batchSize],
  );
  const ids = due.map((d) => d.id);
  const contacts = await eraseContacts(tx, ids, now);
  const notes = await eraseCaseText(tx, ids);
  const submissions = await anonymiseSubmissions(tx, ids, now);
  return { submissions, contacts, notes };
}

/** One batch of a brand's alert events whose payload is due. */
async function anonymiseDueAlertEvents(db: Queryable, brandId: string, createdBefore: Date, batchSize: number, now: Date): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH due AS (
       SELECT id FROM alert_events WHERE brand_id = $1 AND anonymised_at IS NULL AND created_at <= $2
       ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED),
     done AS (
       UPDATE alert_events e SET body = anonymised_alert_body(e.body, NULL), anonymised_at = $4 FROM due WHERE e.id = due.id RETURNING 1)
     SELECT count(*)::int AS n FROM done`,
    [brandId, createdBefore.toISOString(), batchSize, now.toISOString()],
  );
  return rows[0]?.n ?? 0;
}
