import type { Queryable } from '../db/database.js';
import { contactPattern, type ContactQuery } from './contact-match.js';

/** A submission tied to a contact, with its case. */
export type FoundSubmission = {
  id: string;
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
  channel: string;
  survey_id: string;
  created_at: Date;
  received_at: Date;
  anonymised_at: Date | null;
  body: { answers?: unknown; context?: { page?: { url?: unknown } } };
  contact_kind: string | null;
  contact_value: string | null;
  contact_erased_at: Date | null;
  case_id: string | null;
  case_status: string | null;
  case_created_at: Date | null;
  case_resolved_at: Date | null;
  resolution_note: string | null;
};

/** A case note that quotes the contact. */
export type FoundNote = {
  id: string;
  case_id: string;
  kind: string;
  text: string;
  created_at: Date;
};

export interface FoundData {
  submissions: FoundSubmission[];
  /** Notes on the cases of these submissions (all of them: they are about this person). */
  notesOnTheirCases: FoundNote[];
  /** Notes on other cases that quote the contact. */
  notesQuoting: FoundNote[];
  /** Other cases whose resolution note quotes the contact. */
  resolutionsQuoting: Array<{ id: string; resolution_note: string }>;
}

/** Answers as stored, whatever their shape (bodies are validated at ingest, but never trusted blindly). */
const ANSWERS = "jsonb_array_elements(CASE WHEN jsonb_typeof(s.body->'answers') = 'array' THEN s.body->'answers' ELSE '[]'::jsonb END)";

/**
 * Everything tied to a contact: submissions that carry it as their contact details, or quote it in
 * anything a person typed (text answers, "Other" text, the page URL), with their cases and notes;
 * and notes or resolutions on other cases that quote it. Reads every submission of the brand (or
 * of all brands): a person's request is rare, and a text search needs no index of its own.
 */
export async function findContactData(db: Queryable, query: ContactQuery, brandId: string | null): Promise<FoundData> {
  const pattern = contactPattern(query);
  const submissions = await db.query<FoundSubmission>(
    `SELECT s.id::text AS id, s.brand_id, s.region_id, s.store_id, s.channel, s.survey_id, s.created_at, s.received_at, s.anonymised_at, s.body,
            k.kind AS contact_kind, k.value AS contact_value, k.erased_at AS contact_erased_at,
            c.id::text AS case_id, c.status AS case_status, c.created_at AS case_created_at, c.resolved_at AS case_resolved_at, c.resolution_note
     FROM submissions s
     LEFT JOIN submission_contacts k ON k.submission_id = s.id
     LEFT JOIN cases c ON c.submission_id = s.id
     WHERE ($2::text IS NULL OR s.brand_id = $2) AND (
       k.value ~* $1 OR s.comment ~* $1 OR (s.body #>> '{context,page,url}') ~* $1
       OR EXISTS (SELECT 1 FROM ${ANSWERS} a(x) WHERE (x->>'type' = 'text' AND x->>'value' ~* $1) OR x->>'other' ~* $1))
     ORDER BY s.created_at, s.id`,
    [pattern, brandId],
  );
  const caseIds = submissions.flatMap((s) => (s.case_id ? [s.case_id] : []));
  const notesOnTheirCases = await db.query<FoundNote>(
    `SELECT id::text AS id, case_id::text AS case_id, kind, text, created_at FROM case_notes
     WHERE case_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::text::jsonb)) AND text IS NOT NULL ORDER BY case_id, id`,
    [JSON.stringify(caseIds)],
  );
  const notesQuoting = await db.query<FoundNote>(
    `SELECT n.id::text AS id, n.case_id::text AS case_id, n.kind, n.text, n.created_at FROM case_notes n JOIN cases c ON c.id = n.case_id
     WHERE n.text ~* $1 AND ($2::text IS NULL OR c.brand_id = $2) AND NOT (c.id IN (SELECT value::uuid FROM jsonb_array_elements_text($3::text::jsonb)))
     ORDER BY n.case_id, n.id`,
    [pattern, brandId, JSON.stringify(caseIds)],
  );
  const resolutionsQuoting = await db.query<{ id: string; resolution_note: string }>(
    `SELECT id::text AS id, resolution_note FROM cases
     WHERE resolution_note ~* $1 AND ($2::text IS NULL OR brand_id = $2) AND NOT (id IN (SELECT value::uuid FROM jsonb_array_elements_text($3::text::jsonb)))`,
    [pattern, brandId, JSON.stringify(caseIds)],
  );
  return { submissions, notesOnTheirCases, notesQuoting, resolutionsQuoting };
}
