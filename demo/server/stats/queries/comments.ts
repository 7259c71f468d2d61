import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Queryable } from '../../db/database.js';
import { disclosedPulseStoresSql, disclosedStaff } from '../../privacy/anonymity.js';
import { attributedToSql } from '../../recognition/attribution.js';
import type { Filter } from '../scope.js';
import { CommentAnswerSchema, type CommentAnswer, type CommentItem, type ScoreBand } from '../types.js';
import { Params, rollupSource, submissionsWhere } from '../where.js';

/** What narrows a selection's comments (`GET /v1/stats/comments`), and where a page starts. */
export interface CommentSearch {
  /** Text the comment contains, case-insensitive; `%` and `_` are plain characters. */
  q?: string;
  /** Only comments tagged with this topic at ingest (an id of the brand's dictionary, or one it had). */
  topic?: string;
  /** NPS band or band of the lowest 1–5 rating. */
  score?: ScoreBand;
  /** Only submissions that answered this question (staff questions match nothing: see CommentAnswer). */
  question?: string;
  /** With `question`: only this answer (a rating, an option id, `true`/`false`). */
  answer?: string;
  /** Where the page starts: the previous page's `nextCursor`, decoded by {@link decodeCursor}. */
  after?: Cursor;
}

export interface CommentOptions {
  search?: CommentSearch;
  /**
   * The anonymity minimum (`STAFF_MIN_RESPONSES`): a comment names a staff member only when they
   * reach it in the window. Without it, comments name nobody: the default fails closed.
   */
  staffMinimum?: number;
}

/** One page of comments; `nextCursor` is null on the last one. */
export interface CommentPage {
  comments: CommentItem[];
  nextCursor: string | null;
}

/**
 * A position in a comment list: after a customer comment (its instant to the microsecond and its
 * id: the list is newest first), or after a pulse comment (its store-local day and the hash it is
 * ordered by within the day, which says nothing about who answered first).
 */
const CursorSchema = z.union([
  z.strictObject({ at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), id: z.uuid() }),
  z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), h: z.string().regex(/^[0-9a-f]{32}$/) }),
]);
export type Cursor = z.infer<typeof CursorSchema>;

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/**
 * Reads a `cursor` parameter for a customer (`'customer'`) or pulse (`'pulse'`) comment list;
 * undefined when it is not one (malformed, tampered with, or from the other kind of list).
 */
export function decodeCursor(text: string, kind: 'customer' | 'pulse'): Cursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return ('at' in parsed.data) === (kind === 'customer') ? parsed.data : undefined;
}

interface Row {
  id: string;
  created_at: Date;
  /** created_at in UTC to the microsecond: the cursor's key (a Date keeps only milliseconds). */
  at_key: string;
  /** The store-local day, as YYYY-MM-DD. */
  local_date: string;
  /** md5 of the id: the order of pulse comments within a day. */
  h: string;
  region_id: string | null;
  store_id: string | null;
  store_name: string | null;
  time_zone: string | null;
  channel: string;
  survey_id: string;
  staff_ids: string[];
  answers: unknown;
  comment: string;
  nps: number | null;
  min_score: number | null;
  topics: string[];
  [key: string]: unknown;
}

const COLUMNS = `s.id::text AS id, s.created_at, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key,
  to_char(s.local_date, 'YYYY-MM-DD') AS local_date, md5(s.id::text) AS h, s.region_id, s.store_id, st.name AS store_name, st.time_zone,
  s.channel, s.survey_id, s.staff_ids, s.body->'answers' AS answers, s.comment, s.nps, s.min_score, s.topics`;
const STORE_JOIN = 'LEFT JOIN stores st ON st.brand_id = s.brand_id AND st.id = s.store_id';

const SCORE_SQL: Record<ScoreBand, string> = {
  detractor: 's.nps BETWEEN 0 AND 6',
  passive: 's.nps BETWEEN 7 AND 8',
  promoter: 's.nps >= 9',
  low: 's.min_score <= 2',
  mid: 's.min_score = 3',
  high: 's.min_score >= 4',
};

/** `%`, `_` and the escape character itself match only themselves in a LIKE pattern. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The search's conditions on `submissions s` (the cursor is the caller's: it depends on the order). */
function searchConditions(search: CommentSearch, params: Params): string[] {
  const parts: string[] = [];
  if (search.q !== undefined) parts.push(`s.comment ILIKE ${params.add(`%${escapeLike(search.q)}%`)} ESCAPE '\\'`);
  if (search.topic !== undefined) parts.push(`${params.add(search.topic)} = ANY(s.topics)`);
  if (search.score !== undefined) parts.push(SCORE_SQL[search.score]);
  if (search.question !== undefined) {
    // Staff answers are never matched: "comments about Eve" would attribute feedback to a person
    // outside the anonymity rule (which works on the staff rollup, through `staff=`).
    let answer = '';
    if (search.answer !== undefined) {
      const value = params.add(search.answer);
      answer = ` AND (qa.a->>'value' = ${value} OR (jsonb_typeof(qa.a->'value') = 'array' AND qa.a->'value' @> jsonb_build_array(${value}::text)))`;
    }
    parts.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(s.body->'answers') = 'array' THEN s.body->'answers' ELSE '[]'::jsonb END) qa(a)
      WHERE qa.a->>'questionId' = ${params.add(search.question)} AND qa.a->>'type' <> 'staff'${answer})`);
  }
  return parts;
}

/** A submission's ratings, choices and consent as stored, without free text, contact details or staff. */
function answersOf(raw: unknown): CommentAnswer[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((answer) => {
    const parsed = z.safeParse(CommentAnswerSchema, answer);
    // The schema keeps only questionId, type and value: `other` text and `contact` are dropped.
    return parsed.success ? [parsed.data] : [];
  });
}

/** The staff ids a submission names: its context's, and any staff answer's. */
function staffNamed(row: Row): string[] {
  const fromAnswers = Array.isArray(row.answers)
    ? row.answers.flatMap((a: unknown) => {
        const answer = a as { type?: unknown; value?: unknown } | null;
        return answer?.type === 'staff' && typeof answer.value === 'string' ? [answer.value] : [];
      })
    : [];
  return [...new Set([...row.staff_ids, ...fromAnswers])];
}

const toItem = (r: Row, createdAt: string, staff: CommentItem['staff']): CommentItem => ({
  id: r.id,
  createdAt,
  regionId: r.region_id,
  storeId: r.store_id,
  storeName: r.store_name,
  timeZone: r.time_zone ?? 'UTC',
  channel: r.channel,
  surveyId: r.survey_id,
  text: r.comment,
  nps: r.nps,
  minScore: r.min_score,
  answers: answersOf(r.answers),
  staff,
  topics: r.topics,
});

/**
 * The comments of the selection, newest first (the partial comment indexes serve it), narrowed by
 * `search`, one page of `limit`. Each names the staff members who reach the anonymity minimum in
 * the window, and no one else (privacy/anonymity.ts). An individual's comments (`staff=`) are
 * those attributed to them (recognition/attribution.ts): a complaint that merely carries the id
 * of whoever was at the till stays the store's.
 */
export async function recentComments(db: Queryable, filter: Filter, limit: number, options: CommentOptions = {}): Promise<CommentPage> {
  const where = submissionsWhere(filter);
  const params = new Params(where.params);
  const search = options.search ?? {};
  const conditions = [where.sql, 's.comment IS NOT NULL', ...searchConditions(search, params)];
  if (filter.staffId !== undefined) conditions.push(attributedToSql(params.add(filter.staffId)));
  const after = search.after;
  if (after && 'at' in after) conditions.push(`(s.created_at, s.id) < (${params.add(after.at)}::timestamptz, ${params.add(after.id)}::uuid)`);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM submissions s ${STORE_JOIN}
     WHERE ${conditions.join(' AND ')}
     ORDER BY s.created_at DESC, s.id DESC LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  const page = rows.slice(0, limit);
  const named = page.map(staffNamed);
  const shown = options.staffMinimum === undefined ? new Set<string>() : await disclosedStaff(db, filter, named.flat(), options.staffMinimum);
  const names = await staffNames(db, filter.brandId, [...shown]);
  const last = page.at(-1);
  return {
    comments: page.map((r, i) => toItem(r, r.created_at.toISOString(), (named[i] ?? []).filter((id) => shown.has(id)).map((id) => ({ id, name: names.get(id) ?? null })))),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at_key, id: last.id }) : null,
  };
}

async function staffNames(db: Queryable, brandId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }>('SELECT id, name FROM staff WHERE brand_id = $1 AND id = ANY($2::text[])', [brandId, ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Employee pulse comments of the selection, under the anonymity rule (privacy/anonymity.ts):
 * only from stores with at least `minimum` pulse answers in the window, dated by day only, never
 * naming anyone, and ordered by day and then by a hash of the id, so their order within a day
 * tells nothing.
 */
export async function pulseComments(db: Queryable, filter: Filter, limit: number, minimum: number, options: Pick<CommentOptions, 'search'> = {}): Promise<CommentPage> {
  const where = submissionsWhere(filter);
  const params = new Params(where.params);
  const stores = disclosedPulseStoresSql(rollupSource(filter, 'store', params, { days: false }), params.add(minimum));
  const search = options.search ?? {};
  const conditions = [where.sql, 's.comment IS NOT NULL', `coalesce(s.store_id, '') IN (${stores})`, ...searchConditions(search, params)];
  const after = search.after;
  if (after && 'day' in after) {
    const day = params.add(after.day);
    conditions.push(`(s.local_date < ${day}::date OR (s.local_date = ${day}::date AND md5(s.id::text) > ${params.add(after.h)}))`);
  }
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM submissions s ${STORE_JOIN}
     WHERE ${conditions.join(' AND ')}
     ORDER BY s.local_date DESC, md5(s.id::text) LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    // Dated by the store-local day only, and a UUID v7 id starts with its creation time in
    // milliseconds: pulse comments get an opaque id instead.
    comments: page.map((r) => toItem({ ...r, id: createHash('sha256').update(r.id).digest('hex').slice(0, 32) }, r.local_date, [])),
    nextCursor: rows.length > limit && last ? encodeCursor({ day: last.local_date, h: last.h }) : null,
  };
}
