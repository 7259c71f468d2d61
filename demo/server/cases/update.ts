import type { User } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { invalidField } from '../http/invalid.js';
import { loadBrandSettings } from '../settings/repository.js';
import { caseWhere, type CaseFilter } from './access.js';
import { assignableUsers } from './detail.js';
import { caseEventSql } from './event-sql.js';
import type { CasePatch } from './params.js';
import { isPlanError, planCaseChange, type CasePlan } from './transitions.js';
import type { CaseStatus } from './types.js';

interface CurrentRow extends Record<string, unknown> {
  status: CaseStatus;
  assignee_id: number | null;
  version: number;
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
}

const notFound = () => new ApiError(404, 'not_found', 'No such case');
const conflict = (version: number) =>
  new ApiError(409, 'version_conflict', `The case was changed by someone else (it is at version ${version}): reload it and try again`, { version });

/**
 * Applies a manager's change to a case: 404 when the case is outside `filter` (never saying
 * whether it exists), 409 when `patch.version` is not the case's version, 400 naming the field
 * for a change the rules refuse. The case, its history notes and its live event are written in
 * one statement, guarded by the version, so two managers acting at once cannot both win.
 */
export async function updateCase(ctx: Pick<AppContext, 'db' | 'now' | 'log'>, filter: CaseFilter, user: User, id: string, patch: CasePatch): Promise<void> {
  const where = caseWhere(filter, 1);
  const [current] = await ctx.db.query<CurrentRow>(
    `SELECT c.status, c.assignee_id::int AS assignee_id, c.version, c.brand_id, c.region_id, c.store_id FROM cases c WHERE c.id = $1 AND ${where.sql}`,
    [id, ...where.params],
  );
  if (!current) throw notFound();
  if (current.version !== patch.version) throw conflict(current.version);

  const { settings } = await loadBrandSettings(ctx.db, current.brand_id, ctx.log);
  const plan = planCaseChange({ status: current.status, assigneeId: current.assignee_id }, patch, { id: user.id, name: user.name }, settings.cases.rootCauses);
  if (isPlanError(plan)) throw invalidField(plan.path, plan.message, 'case change');
  if (plan.assigneeId !== null && plan.assigneeId !== current.assignee_id) {
    const allowed = await assignableUsers(ctx.db, current.brand_id, current.region_id, current.store_id);
    const assignee = allowed.find((u) => u.id === plan.assigneeId);
    if (!assignee) throw invalidField(['assigneeId'], "must be a manager of this case's store: its store manager, its regional manager or corporate", 'case change');
    for (const note of plan.notes) if (note.kind === 'assigned') note.data = { ...note.data, assigneeName: assignee.name };
  }

  const updated = await write(ctx, id, patch.version, plan, user);
  if (!updated) {
    const [now] = await ctx.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [id]);
    throw now ? conflict(now.version) : notFound();
  }
}

async function write(ctx: Pick<AppContext, 'db' | 'now'>, id: string, version: number, plan: CasePlan, user: User): Promise<boolean> {
  const now = ctx.now().toISOString();
  const resolution = typeof plan.resolution === 'object' ? 'set' : plan.resolution;
  const resolved = typeof plan.resolution === 'object' ? plan.resolution : { rootCause: null, resolutionNote: null };
  const notes = plan.notes.map((note, ord) => ({ ...note, ord }));
  const rows = await ctx.db.query<{ id: string }>(
    `WITH changed AS (
       UPDATE cases c SET status = $3, assignee_id = $4,
         resolved_at = CASE $5 WHEN 'set' THEN $8::timestamptz WHEN 'clear' THEN NULL ELSE c.resolved_at END,
         root_cause = CASE $5 WHEN 'set' THEN $6 WHEN 'clear' THEN NULL ELSE c.root_cause END,
         resolution_note = CASE $5 WHEN 'set' THEN $7 WHEN 'clear' THEN NULL ELSE c.resolution_note END,
         first_response_at = coalesce(c.first_response_at, $8::timestamptz),
         version = c.version + 1, updated_at = $8::timestamptz
       WHERE c.id = $1 AND c.version = $2
       RETURNING c.*
     ), noted AS (
       INSERT INTO case_notes (case_id, kind, author_id, author_name, text, data, created_at)
       SELECT ch.id, n.kind, $9, $10, n.text, n.data, $8::timestamptz
       FROM changed ch CROSS JOIN jsonb_to_recordset($11::text::jsonb) AS n(kind text, text text, data jsonb, ord int)
       ORDER BY n.ord
     ), announced AS (
       INSERT INTO events (kind, brand_id, region_id, store_id, data, created_at)
       SELECT 'case', ch.brand_id, ch.region_id, ch.store_id, ${caseEventSql('ch', 'updated')}, $8::timestamptz FROM changed ch
     )
     SELECT id::text AS id FROM changed`,
    [id, version, plan.status, plan.assigneeId, resolution, resolved.rootCause, resolved.resolutionNote, now, user.id, user.name, JSON.stringify(notes)],
  );
  return rows.length > 0;
}
