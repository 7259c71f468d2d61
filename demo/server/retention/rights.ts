import { uuidv7 } from '../../../sdk/index.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { anonymiseAlertCopies, anonymiseSubmissions, eraseCaseText, eraseContacts, lockAnonymisation } from './anonymise.js';
import { contactRegExp, redactContact, type ContactQuery } from './contact-match.js';
import { findContactData, type FoundData, type FoundNote } from './find.js';
import { queryOf, type ContactRequest } from './request.js';

type RightsContext = Pick<AppContext, 'db' | 'log' | 'now'>;

/** A case note in an export: what was written and when (not who: that is another person's data). */
export interface ExportedNote {
  caseId: string;
  kind: string;
  at: string;
  text: string;
}

/** A mention of the contact in a note (or resolution note) on another case. */
export interface ExportedMention {
  caseId: string;
  kind: string;
  /** When the note was written; null for a resolution note. */
  at: string | null;
  times: number;
}

/** One submission in an export, as a person can read it. */
export interface ExportedSubmission {
  id: string;
  brand: string;
  region: string | null;
  store: string | null;
  channel: string;
  survey: string;
  /** When the feedback was given (on the device). */
  givenAt: string;
  receivedAt: string;
  /** The answers as stored: question ids with ratings, chosen options and text. */
  answers: unknown;
  /** The page the feedback was given on (web), if still kept. */
  pageUrl: string | null;
  /** When retention or an earlier request erased the free text and page URL; null while kept. */
  textErasedAt: string | null;
  contact: { kind: string; value: string | null; erasedAt: string | null } | null;
  case: { id: string; status: string; openedAt: string; resolvedAt: string | null; resolutionNote: string | null; notes: ExportedNote[] } | null;
}

/** `POST /v1/admin/privacy/export`: everything kept about a contact, as JSON a person can read. */
export interface ContactExport {
  contact: ContactQuery;
  generatedAt: string;
  /** The id of this export in the audit log. */
  auditId: string;
  summary: { submissions: number; cases: number; caseNotes: number };
  submissions: ExportedSubmission[];
  /** Notes on other people's cases that mention this contact: where and how often, not their text. */
  mentions: ExportedMention[];
}

/** What an erasure touched: counts and ids, as in the audit log. */
export interface ContactErasure {
  auditId: string;
  submissionIds: string[];
  caseIds: string[];
  counts: {
    /** Submissions found that carry or quote the contact. */
    submissions: number;
    /** Of those, whose free text and page URL were erased now (the others had been already). */
    submissionsAnonymised: number;
    contactsErased: number;
    /** Notes on their cases whose text was erased. */
    caseNotesErased: number;
    /** Notes and resolution notes on other cases where the contact was replaced by `[erased]`. */
    quotesRedacted: number;
    alertEventsAnonymised: number;
  };
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
const exportedNote = (note: FoundNote): ExportedNote => ({ caseId: note.case_id, kind: note.kind, at: note.created_at.toISOString(), text: note.text });

async function requireBrand(db: Queryable, brandId: string | undefined): Promise<void> {
  if (brandId === undefined) return;
  const [row] = await db.query('SELECT 1 FROM brands WHERE id = $1', [brandId]);
  if (!row) throw new ApiError(404, 'brand_not_found', `No brand "${brandId}"`);
}

async function audit(db: Queryable, entry: { action: 'export' | 'erase'; request: ContactRequest; submissionIds: string[]; caseIds: string[]; counts: object; at: Date }): Promise<string> {
  const id = uuidv7(entry.at.getTime());
  await db.query(
    `INSERT INTO privacy_audit (id, action, actor, brand_id, contact_kind, submission_ids, case_ids, counts, created_at)
     VALUES ($1, $2, $3, $4, $5, ARRAY(SELECT jsonb_array_elements_text($6::text::jsonb))::uuid[], ARRAY(SELECT jsonb_array_elements_text($7::text::jsonb))::uuid[], $8::text::jsonb, $9)`,
    [id, entry.action, entry.request.actor, entry.request.brand ?? null, queryOf(entry.request).kind, JSON.stringify(entry.submissionIds), JSON.stringify(entry.caseIds), JSON.stringify(entry.counts), entry.at.toISOString()],
  );
  return id;
}

const occurrences = (text: string, query: ContactQuery): number => [...text.matchAll(contactRegExp(query))].length;

const caseIdsOf = (found: FoundData): string[] => [...new Set([...found.submissions.flatMap((s) => (s.case_id ? [s.case_id] : [])), ...found.notesQuoting.map((n) => n.case_id), ...found.resolutionsQuoting.map((r) => r.id)])];

/**
 * Everything kept about the person who gave this contact: the submissions that carry or quote it
 * (answers, text, page URL, contact details), their cases with the notes written on them, and
 * quotes of the contact in notes on other cases. Recorded in the audit log (counts and ids).
 * Nothing found is an empty export, not an error; an unknown `brand` is a 404.
 */
export async function exportContactData(ctx: RightsContext, request: ContactRequest): Promise<ContactExport> {
  await requireBrand(ctx.db, request.brand);
  const query = queryOf(request);
  const found = await findContactData(ctx.db, query, request.brand ?? null);
  const now = ctx.now();
  const notesByCase = new Map<string, FoundNote[]>();
  for (const note of found.notesOnTheirCases) notesByCase.set(note.case_id, [...(notesByCase.get(note.case_id) ?? []), note]);
  const submissions: ExportedSubmission[] = found.submissions.map((s) => ({
    id: s.id,
    brand: s.brand_id,
    region: s.region_id,
    store: s.store_id,
    channel: s.channel,
    survey: s.survey_id,
    givenAt: s.created_at.toISOString(),
    receivedAt: s.received_at.toISOString(),
    answers: s.body.answers ?? [],
    pageUrl: typeof s.body.context?.page?.url === 'string' ? s.body.context.page.url : null,
    textErasedAt: iso(s.anonymised_at),
    contact: s.contact_kind ? { kind: s.contact_kind, value: s.contact_value, erasedAt: iso(s.contact_erased_at) } : null,
    case:
      s.case_id && s.case_status && s.case_created_at
        ? { id: s.case_id, status: s.case_status, openedAt: s.case_created_at.toISOString(), resolvedAt: iso(s.case_resolved_at), resolutionNote: s.resolution_note || null, notes: (notesByCase.get(s.case_id) ?? []).map(exportedNote) }
        : null,
  }));
  // A note on someone else's case is that person's data too: only where the contact was mentioned.
  const mentions: ExportedMention[] = [
    ...found.notesQuoting.map((n) => ({ caseId: n.case_id, kind: n.kind, at: n.created_at.toISOString(), times: occurrences(n.text, query) })),
    ...found.resolutionsQuoting.map((r) => ({ caseId: r.id, kind: 'resolution', at: null, times: occurrences(r.resolution_note, query) })),
  ];
  const summary = { submissions: submissions.length, cases: submissions.filter((s) => s.case).length, caseNotes: found.notesOnTheirCases.length + mentions.length };
  const auditId = await audit(ctx.db, { action: 'export', request, submissionIds: submissions.map((s) => s.id), caseIds: caseIdsOf(found), counts: summary, at: now });
  ctx.log.info('privacy export', { audit: auditId, ...summary });
  return { contact: query, generatedAt: now.toISOString(), auditId, summary, submissions, mentions };
}

/**
 * Erases everything tied to a contact, in one transaction: the submissions that carry or quote it
 * lose their free text, "Other" text and page URL (their anonymous scores stay, as every rollup
 * and chart keeps them), their contact details, the text of notes on their cases and their copies
 * in alert payloads; notes and resolutions on other cases that quote it have the quote replaced by
 * `[erased]`. Recorded in the audit log with counts and ids, never the contact or the content.
 * Erasing again, or a contact nobody gave, finds nothing and changes nothing.
 */
export async function eraseContactData(ctx: RightsContext, request: ContactRequest): Promise<ContactErasure> {
  await requireBrand(ctx.db, request.brand);
  const query = queryOf(request);
  const now = ctx.now();
  const erasure = await ctx.db.transaction(async (tx) => {
    await lockAnonymisation(tx);
    const found = await findContactData(tx, query, request.brand ?? null);
    const submissionIds = found.submissions.map((s) => s.id);
    let quotesRedacted = 0;
    for (const note of found.notesQuoting) {
      await tx.query('UPDATE case_notes SET text = $2 WHERE id = $1', [note.id, redactContact(note.text, query)]);
      quotesRedacted++;
    }
    for (const resolution of found.resolutionsQuoting) {
      await tx.query('UPDATE cases SET resolution_note = $2 WHERE id = $1', [resolution.id, redactContact(resolution.resolution_note, query)]);
      quotesRedacted++;
    }
    const counts: ContactErasure['counts'] = {
      submissions: submissionIds.length,
      contactsErased: await eraseContacts(tx, submissionIds, now),
      caseNotesErased: await eraseCaseText(tx, submissionIds),
      quotesRedacted,
      alertEventsAnonymised: await anonymiseAlertCopies(tx, submissionIds),
      submissionsAnonymised: await anonymiseSubmissions(tx, submissionIds, now),
    };
    const caseIds = caseIdsOf(found);
    const auditId = await audit(tx, { action: 'erase', request, submissionIds, caseIds, counts, at: now });
    return { auditId, submissionIds, caseIds, counts };
  });
  ctx.log.info('privacy erasure', { audit: erasure.auditId, ...erasure.counts });
  return erasure;
}

/** One entry of the audit log. */
export interface AuditEntry {
  id: string;
  action: 'export' | 'erase';
  actor: string;
  brand: string | null;
  contactKind: 'email' | 'phone';
  submissionIds: string[];
  caseIds: string[];
  counts: Record<string, number>;
  at: string;
}

/** The audit log, newest first; `before` (an entry's `at`) pages back. */
export async function listAudit(db: Queryable, options: { limit: number; before?: string }): Promise<AuditEntry[]> {
  const rows = await db.query<{ id: string; action: 'export' | 'erase'; actor: string; brand_id: string | null; contact_kind: 'email' | 'phone'; submission_ids: string[]; case_ids: string[]; counts: Record<string, number>; created_at: Date }>(
    `SELECT id::text AS id, action, actor, brand_id, contact_kind, submission_ids::text[] AS submission_ids, case_ids::text[] AS case_ids, counts, created_at
     FROM privacy_audit WHERE ($1::timestamptz IS NULL OR created_at < $1) ORDER BY created_at DESC, id DESC LIMIT $2`,
    [options.before ?? null, options.limit],
  );
  return rows.map((r) => ({ id: r.id, action: r.action, actor: r.actor, brand: r.brand_id, contactKind: r.contact_kind, submissionIds: r.submission_ids, caseIds: r.case_ids, counts: r.counts, at: r.created_at.toISOString() }));
}
