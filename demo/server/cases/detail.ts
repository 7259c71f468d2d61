import { localize, type Submission } from '../../../sdk/index.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { disclosedStaff } from '../privacy/anonymity.js';
import { loadBrandSettings } from '../settings/repository.js';
import { getSurvey } from '../surveys/repository.js';
import { caseWhere, type CaseFilter } from './access.js';
import { describeAnswers } from './answers.js';
import { contactHref, type ContactKind } from './contacts.js';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type SummaryRow } from './list.js';
import type { CaseDetail, CaseNote, CaseUser } from './types.js';

/** The window over which a named staff member must reach the anonymity minimum: the last quarter. */
const STAFF_WINDOW_DAYS = 90;

interface DetailRow extends SummaryRow {
  brand_id: string;
  body: Submission;
  locale: string | null;
  staff_ids: string[];
  root_cause: string | null;
  resolution_note: string | null;
  contact_kind: ContactKind | null;
  contact_value: string | null;
  contact_erased_at: Date | null;
}

interface NoteRow extends Record<string, unknown> {
  id: string;
  kind: CaseNote['kind'];
  author_id: number | null;
  author_name: string | null;
  text: string | null;
  data: Record<string, unknown> | null;
  created_at: Date;
}

/** The case `id` if `filter` reaches it; undefined otherwise (the caller answers 404 either way). */
async function caseRow(db: Queryable, filter: CaseFilter, id: string): Promise<DetailRow | undefined> {
  const where = caseWhere(filter, 1);
  const [row] = await db.query<DetailRow>(
    `SELECT ${SUMMARY_COLUMNS}, c.brand_id, s.body, s.locale, s.staff_ids, c.root_cause, c.resolution_note,
       k.kind AS contact_kind, k.value AS contact_value, k.erased_at AS contact_erased_at
     ${SUMMARY_JOINS}
     WHERE c.id = $1 AND ${where.sql}`,
    [id, ...where.params],
  );
  return row;
}

/** The users a case may be assigned to: managers of its store, of its region, and corporate. */
export async function assignableUsers(db: Queryable, brandId: string, regionId: string | null, storeId: string | null): Promise<CaseUser[]> {
  return db.query<CaseUser & Record<string, unknown>>(
    `SELECT id::int AS id, name, role FROM users
     WHERE brand_id = $1 AND (role = 'corporate' OR (role = 'regional' AND region_id = $2) OR (role = 'store' AND store_id = $3))
     ORDER BY CASE role WHEN 'store' THEN 0 WHEN 'regional' THEN 1 ELSE 2 END, name, id`,
    [brandId, regionId, storeId],
  );
}

/**
 * The whole case as a manager works it: the summary, every answer with its question, the staff
 * members it names (under the anonymity rule), the customer's contact details, the history and
 * who may take it. Undefined when `filter` does not reach the case.
 */
export async function caseDetail(ctx: Pick<AppContext, 'db' | 'config' | 'now' | 'log'>, filter: CaseFilter, id: string): Promise<CaseDetail | undefined> {
  const row = await caseRow(ctx.db, filter, id);
  if (!row) return undefined;
  const body = row.body;
  const [notes, survey, assignable, { settings }] = await Promise.all([
    ctx.db.query<NoteRow>('SELECT id::text AS id, kind, author_id::int AS author_id, author_name, text, data, created_at FROM case_notes WHERE case_id = $1 ORDER BY id', [row.id]),
    getSurvey(ctx.db, row.survey_id),
    assignableUsers(ctx.db, row.brand_id, row.region_id, row.store_id),
    loadBrandSettings(ctx.db, row.brand_id, ctx.log),
  ]);

  // The anonymity rule (privacy/anonymity.ts): a case names a staff member only when they have at
  // least STAFF_MIN_RESPONSES customer responses in the last quarter, so one complaint is never
  // "their score". Below it, neither their name nor their id appears.
  const answeredStaff = body.answers.flatMap((a) => (a.type === 'staff' && a.value !== null ? [a.value] : []));
  const named = [...new Set([...row.staff_ids, ...answeredStaff])];
  const today = ctx.now().getTime();
  const day = (offsetDays: number) => new Date(today + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const disclosed = await disclosedStaff(ctx.db, { brandId: row.brand_id, from: day(-(STAFF_WINDOW_DAYS - 1)), to: day(0) }, named, ctx.config.STAFF_MIN_RESPONSES);
  const names = new Map<string, string>();
  if (disclosed.size > 0) {
    const staff = await ctx.db.query<{ id: string; name: string }>('SELECT id, name FROM staff WHERE brand_id = $1 AND id = ANY($2::text[])', [row.brand_id, [...disclosed]]);
    for (const member of staff) names.set(member.id, member.name);
  }

  const cause = row.root_cause === null ? null : { id: row.root_cause, label: settings.cases.rootCauses.find((c) => c.id === row.root_cause)?.label ?? row.root_cause };
  const contact =
    row.contact_kind === null
      ? null
      : {
          kind: row.contact_kind,
          value: row.contact_value,
          href: row.contact_value === null ? null : contactHref({ kind: row.contact_kind, value: row.contact_value }),
          erased: row.contact_erased_at !== null,
        };
  return {
    ...toSummary(row, ctx.now()),
    locale: row.locale,
    surveyTitle: localize(survey?.definition.title, 'en') || null,
    answers: describeAnswers(body.answers, survey?.definition, { disclosed, names }),
    staff: named.filter((staffId) => disclosed.has(staffId)).map((staffId) => ({ id: staffId, name: names.get(staffId) ?? null })),
    staffWithheld: named.some((staffId) => !disclosed.has(staffId)),
    contact,
    rootCause: cause,
    resolutionNote: row.resolution_note,
    notes: notes.map((n) => ({
      id: n.id,
      kind: n.kind,
      author: n.author_name === null ? null : { id: n.author_id, name: n.author_name },
      text: n.text,
      data: n.data,
      createdAt: n.created_at.toISOString(),
    })),
    assignable,
  };
}
