import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { caseWhere, type CaseFilter } from './access.js';
import type { CaseListQuery } from './params.js';
import type { CaseListResponse, CaseStatus, CaseSummary, CaseUser } from './types.js';

/** The columns of a case summary (cases `c`, submissions `s`, stores `st`, regions `r`, users `u`, contacts `k`). */
export const SUMMARY_COLUMNS = `c.id::text AS id, c.submission_id::text AS submission_id, c.reason, c.status, c.created_at, s.created_at AS submitted_at,
  c.due_at, c.escalated_at, c.first_response_at, c.resolved_at, c.region_id, r.name AS region_name, c.store_id, st.name AS store_name,
  st.time_zone, s.channel, s.survey_id, s.nps, s.csat, s.smiley, s.stars, s.min_score, s.comment,
  (k.value IS NOT NULL) AS has_contact, c.assignee_id::int AS assignee_id, u.name AS assignee_name, u.role AS assignee_role, c.version`;

export const SUMMARY_JOINS = `FROM cases c
  JOIN submissions s ON s.id = c.submission_id
  LEFT JOIN stores st ON st.brand_id = c.brand_id AND st.id = c.store_id
  LEFT JOIN regions r ON r.brand_id = c.brand_id AND r.id = c.region_id
  LEFT JOIN users u ON u.id = c.assignee_id
  LEFT JOIN submission_contacts k ON k.submission_id = c.submission_id`;

export interface SummaryRow extends Record<string, unknown> {
  id: string;
  submission_id: string;
  reason: CaseSummary['reason'];
  status: CaseStatus;
  created_at: Date;
  submitted_at: Date;
  due_at: Date;
  escalated_at: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  region_id: string | null;
  region_name: string | null;
  store_id: string | null;
  store_name: string | null;
  time_zone: string | null;
  channel: string;
  survey_id: string;
  nps: number | null;
  csat: number | null;
  smiley: number | null;
  stars: number | null;
  min_score: number | null;
  comment: string | null;
  has_contact: boolean;
  assignee_id: number | null;
  assignee_name: string | null;
  assignee_role: CaseUser['role'] | null;
  version: number;
}

const EXCERPT_CHARS = 160;

/** The start of a comment on one line, cut at a word where possible. */
export function excerptOf(comment: string | null): string | null {
  if (comment === null) return null;
  const line = comment.replace(/\s+/g, ' ').trim();
  if (line.length <= EXCERPT_CHARS) return line || null;
  const cut = line.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toSummary(row: SummaryRow, now: Date): CaseSummary {
  return {
    id: row.id,
    submissionId: row.submission_id,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    submittedAt: row.submitted_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: row.status !== 'resolved' && row.due_at.getTime() <= now.getTime(),
    escalated: row.escalated_at !== null,
    escalatedAt: iso(row.escalated_at),
    firstResponseAt: iso(row.first_response_at),
    resolvedAt: iso(row.resolved_at),
    regionId: row.region_id,
    regionName: row.region_name,
    storeId: row.store_id,
    storeName: row.store_name,
    timeZone: row.time_zone,
    channel: row.channel,
    surveyId: row.survey_id,
    scores: { nps: row.nps, csat: row.csat, smiley: row.smiley, stars: row.stars, min: row.min_score },
    excerpt: excerptOf(row.comment),
    hasContact: row.has_contact,
    assignee: row.assignee_id !== null && row.assignee_name !== null && row.assignee_role !== null ? { id: row.assignee_id, name: row.assignee_name, role: row.assignee_role } : null,
    version: row.version,
  };
}

/** A page boundary: the sort key and id of the last case of the previous page. */
interface Cursor {
  at: string;
  id: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { at, id };
  } catch {
    // reported below
  }
  throw new ApiError(400, 'validation_failed', 'Invalid query parameters: cursor: is not a cursor from a previous page', { issues: [{ path: ['cursor'], message: 'is not a cursor from a previous page' }] });
}

/**
 * A page of cases: unresolved ones (`active`, `open`, `in_progress`) by due time, soonest (most
 * overdue) first; resolved ones newest first. Keyset pagination, so a page is stable while cases
 * are added.
 */
export async function listCases(db: Queryable, filter: CaseFilter, query: CaseListQuery, userId: number, now: Date): Promise<CaseListResponse> {
  const where = caseWhere(filter);
  const params = where.params;
  const parts = [where.sql];
  const resolved = query.status === 'resolved';
  if (query.status === 'active') parts.push("c.status <> 'resolved'");
  else parts.push(`c.status = $${params.push(query.status)}`);
  if (query.escalated !== undefined) parts.push(query.escalated === 'true' ? 'c.escalated_at IS NOT NULL' : 'c.escalated_at IS NULL');
  if (query.assignee === 'me') parts.push(`c.assignee_id = $${params.push(userId)}`);
  if (query.assignee === 'none') parts.push('c.assignee_id IS NULL');
  const key = resolved ? 'c.resolved_at' : 'c.due_at';
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor);
    parts.push(`(${key}, c.id) ${resolved ? '<' : '>'} ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::uuid)`);
  }
  const order = resolved ? 'c.resolved_at DESC, c.id DESC' : 'c.due_at, c.id';
  const rows = await db.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_JOINS} WHERE ${parts.join(' AND ')} ORDER BY ${order} LIMIT $${params.push(query.limit + 1)}`, params);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ at: (resolved ? last.resolved_at! : last.due_at).toISOString(), id: last.id }) : null;

  const scope = caseWhere(filter);
  const [counts] = await db.query<{ active: number; overdue: number; escalated: number }>(
    `SELECT count(*)::int AS active,
       count(*) FILTER (WHERE c.due_at <= $${scope.params.length + 1})::int AS overdue,
       count(*) FILTER (WHERE c.escalated_at IS NOT NULL)::int AS escalated
     FROM cases c WHERE ${scope.sql} AND c.status <> 'resolved'`,
    [...scope.params, now.toISOString()],
  );
  return { cases: page.map((row) => toSummary(row, now)), nextCursor, counts: counts ?? { active: 0, overdue: 0, escalated: 0 } };
}
