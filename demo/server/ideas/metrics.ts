import type { Queryable } from '../db/database.js';
import type { IdeaFilter } from './access.js';
import { ideaWhere } from './access.js';
import { IDEA_STATUSES, type IdeaMetricsGroup, type IdeaMetricsResponse } from './types.js';

interface Row extends Record<string, unknown> {
  id: string;
  name: string | null;
  region_id: string;
  submitted: number;
  answered: number;
  answered_in_time: number;
  escalated: number;
  by_status: Record<string, number> | null;
}

const emptyStatuses = () => Object.fromEntries(IDEA_STATUSES.map((s) => [s, 0])) as Record<string, number>;

function group(r: Pick<Row, 'submitted' | 'answered' | 'answered_in_time' | 'escalated' | 'by_status'>): Omit<IdeaMetricsGroup, 'id' | 'name' | 'regionId'> {
  return {
    submitted: r.submitted,
    answered: r.answered,
    answeredInTime: r.answered_in_time,
    escalated: r.escalated,
    responseRate: r.submitted > 0 ? r.answered / r.submitted : null,
    byStatus: { ...emptyStatuses(), ...(r.by_status ?? {}) },
  };
}

/**
 * Idea volume and response figures per store or region, for ideas written between `from` and
 * `to` (UTC days, inclusive). Counts only: they name no idea and no author. Every store or region
 * of the scope is listed, also those without ideas (a silent store is worth seeing), by name,
 * never ranked.
 */
export async function ideaMetrics(db: Queryable, filter: Pick<IdeaFilter, 'brandId' | 'regionId' | 'storeId'>, level: 'store' | 'region', range: { from: string; to: string }): Promise<IdeaMetricsResponse> {
  const where = ideaWhere({ ...filter, escalatedOnly: false, canAnswer: true }, 2);
  const places = level === 'store'
    ? { sql: `SELECT p.id, p.name, p.region_id FROM stores p WHERE p.brand_id = $3${filter.regionId ? ' AND p.region_id = $4' : ''}${filter.storeId ? ` AND p.id = $${filter.regionId ? 5 : 4}` : ''}`, key: 'i.store_id' }
    : { sql: `SELECT p.id, p.name, p.id AS region_id FROM regions p WHERE p.brand_id = $3${filter.regionId ? ' AND p.id = $4' : ''}${filter.storeId ? ` AND p.id = (SELECT region_id FROM stores WHERE brand_id = $3 AND id = $${filter.regionId ? 5 : 4})` : ''}`, key: 'i.region_id' };
  const rows = await db.query<Row>(
    `WITH counted AS (
       SELECT ${places.key} AS id, i.status,
         count(*)::int AS n,
         (count(*) FILTER (WHERE i.answered_at IS NOT NULL))::int AS answered,
         (count(*) FILTER (WHERE i.answered_at IS NOT NULL AND i.answered_at < i.due_at))::int AS answered_in_time,
         (count(*) FILTER (WHERE i.escalated_at IS NOT NULL))::int AS escalated
       FROM ideas i
       WHERE ${where.sql} AND i.created_at >= $1::date AND i.created_at < $2::date + 1
       GROUP BY 1, 2
     )
     SELECT p.id, p.name, p.region_id,
       coalesce(sum(c.n), 0)::int AS submitted, coalesce(sum(c.answered), 0)::int AS answered,
       coalesce(sum(c.answered_in_time), 0)::int AS answered_in_time, coalesce(sum(c.escalated), 0)::int AS escalated,
       jsonb_object_agg(c.status, c.n) FILTER (WHERE c.status IS NOT NULL) AS by_status
     FROM (${places.sql}) p LEFT JOIN counted c ON c.id = p.id
     GROUP BY p.id, p.name, p.region_id
     ORDER BY p.name, p.id`,
    [range.from, range.to, ...where.params],
  );
  const groups = rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, ...group(r) }));
  const sum = (key: 'submitted' | 'answered' | 'answeredInTime' | 'escalated') => groups.reduce((total, g) => total + g[key], 0);
  const byStatus = emptyStatuses();
  for (const g of groups) for (const [status, n] of Object.entries(g.byStatus)) byStatus[status] = (byStatus[status] ?? 0) + n;
  const total = { submitted: sum('submitted'), answered: sum('answered'), answeredInTime: sum('answeredInTime'), escalated: sum('escalated') };
  return { level, from: range.from, to: range.to, groups, total: { ...total, responseRate: total.submitted > 0 ? total.answered / total.submitted : null, byStatus } };
}
