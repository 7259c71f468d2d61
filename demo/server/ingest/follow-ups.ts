import { uuidv7, type Submission } from '../../../sdk/index.js';
import { caseFor, dueAt } from '../cases/rules.js';
import type { ContactDetail } from '../cases/contacts.js';
import type { StoredSubmission } from '../context.js';
import type { Queryable } from '../db/database.js';
import type { CaseEventData, SubmissionEventData } from '../events/types.js';
import { loadBrandSettings } from '../settings/repository.js';
import type { CaseSettings } from '../settings/schema.js';
import { metricsOf } from './metrics.js';

/** A new submission as insert.ts prepared it, and the contact details taken out of its body. */
export interface FollowUpSource {
  stored: StoredSubmission;
  contact: ContactDetail | null;
}

/** One row of the follow-ups parameter: what to write beside a submission if it is new. */
interface FollowUpRow {
  id: string;
  /** Place in the batch: events are announced in the order submissions came. */
  position: number;
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
  received_at: string;
  case_id: string | null;
  case_reason: string | null;
  case_due_at: string | null;
  contact_kind: string | null;
  contact_value: string | null;
  submission_event: SubmissionEventData | null;
  case_event: CaseEventData | null;
}

/**
 * The follow-ups of a batch, as the JSON parameter of {@link withFollowUps}: for each
 * submission, the case it opens (decided by `caseFor` with its brand's settings), its contact
 * details, and the live events that announce them. Employee pulse gets none of these: no case,
 * no contact, and no event (the arrival time of a pulse answer says who gave it).
 */
export async function followUps(db: Queryable, sources: readonly FollowUpSource[], receivedAt: string): Promise<string> {
  const received = new Date(receivedAt);
  const settings = new Map<string, CaseSettings>();
  for (const brandId of new Set(sources.map((s) => s.stored.brandId))) settings.set(brandId, (await loadBrandSettings(db, brandId)).settings.cases);
  const rows: FollowUpRow[] = [];
  for (const { stored, contact } of sources) {
    const body = stored.body as Submission;
    const decision = caseFor(body, settings.get(stored.brandId)!);
    const pulse = stored.channel === 'employee';
    const caseId = decision ? uuidv7(received.getTime()) : null;
    const due = decision ? dueAt(stored.createdAt, received, decision.responseMinutes).toISOString() : null;
    const metrics = metricsOf(body);
    rows.push({
      id: stored.id,
      position: rows.length,
      brand_id: stored.brandId,
      region_id: stored.regionId,
      store_id: stored.storeId,
      received_at: receivedAt,
      case_id: caseId,
      case_reason: decision?.reason ?? null,
      case_due_at: due,
      contact_kind: contact?.kind ?? null,
      contact_value: contact?.value ?? null,
      submission_event: pulse
        ? null
        : {
            submissionId: stored.id,
            regionId: stored.regionId,
            storeId: stored.storeId,
            channel: stored.channel,
            surveyId: stored.surveyId,
            createdAt: stored.createdAt.toISOString(),
            scores: { nps: metrics.nps, csat: metrics.csat, smiley: metrics.smiley, stars: metrics.stars },
            minScore: metrics.minScore,
            caseId,
          },
      case_event:
        decision && caseId && due
          ? { action: 'opened', caseId, submissionId: stored.id, reason: decision.reason, status: 'open', regionId: stored.regionId, storeId: stored.storeId, dueAt: due, escalated: false, assigneeId: null, version: 1 }
          : null,
    });
  }
  return JSON.stringify(rows);
}

/**
 * Wraps ingest's `INSERT INTO submissions … ON CONFLICT (id) DO NOTHING RETURNING id::text AS id`
 * (parameter $1) into one statement that also writes, for the submissions it actually inserted,
 * their case, their contact details and their live events (parameter $2, from {@link followUps}).
 * One statement is one transaction: a case exists exactly when its submission does, even if the
 * process dies right after, and a duplicate (inserted by nobody, or by a concurrent request on
 * any instance) gets no second case. Events are NOTIFYed by their trigger at commit.
 */
export function withFollowUps(insertSubmissions: string): string {
  return `WITH f AS (
      SELECT * FROM jsonb_to_recordset($2::text::jsonb) AS f(id uuid, position int, brand_id text, region_id text, store_id text, received_at timestamptz,
        case_id uuid, case_reason text, case_due_at timestamptz, contact_kind text, contact_value text, submission_event jsonb, case_event jsonb)
    ), ins AS (
      ${insertSubmissions}
    ), inserted AS (
      SELECT f.* FROM f JOIN ins ON ins.id::uuid = f.id
    ), opened AS (
      INSERT INTO cases (id, submission_id, brand_id, region_id, store_id, reason, status, created_at, due_at, updated_at)
      SELECT n.case_id, n.id, n.brand_id, n.region_id, n.store_id, n.case_reason, 'open', n.received_at, n.case_due_at, n.received_at
      FROM inserted n WHERE n.case_id IS NOT NULL
      ON CONFLICT (submission_id) DO NOTHING
      RETURNING id, submission_id
    ), contacts AS (
      INSERT INTO submission_contacts (submission_id, kind, value, created_at)
      SELECT n.id, n.contact_kind, n.contact_value, n.received_at FROM inserted n WHERE n.contact_value IS NOT NULL
      ON CONFLICT (submission_id) DO NOTHING
      RETURNING submission_id
    ), announced AS (
      INSERT INTO events (kind, brand_id, region_id, store_id, data, created_at)
      SELECT e.kind, e.brand_id, e.region_id, e.store_id, e.data, e.received_at FROM (
        SELECT n.position, 1 AS step, 'submission' AS kind, n.brand_id, n.region_id, n.store_id, n.submission_event AS data, n.received_at
        FROM inserted n WHERE n.submission_event IS NOT NULL
        UNION ALL
        SELECT n.position, 2, 'case', n.brand_id, n.region_id, n.store_id, n.case_event, n.received_at
        FROM inserted n JOIN opened o ON o.submission_id = n.id
      ) e ORDER BY e.position, e.step
      RETURNING id
    )
    SELECT id FROM ins`;
}
