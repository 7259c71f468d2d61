import type { Queryable } from '../../db/database.js';
import type { Scope } from '../../stats/scope.js';
import type { AlertItem, AlertList } from './types.js';

interface AlertRow extends Record<string, unknown> {
  id: string;
  kind: AlertItem['kind'];
  rule_id: string;
  rule_name: string | null;
  region_id: string | null;
  store_id: string | null;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
  summary: AlertItem['summary'];
}

/**
 * The alerts of a scope in SQL (alias `a`): corporate the brand, a regional manager their region,
 * a store manager their store. The same test as the live stream's (events/audience.ts).
 */
function scopeWhere(scope: Scope): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.brandId];
  const parts = ['a.brand_id = $1'];
  if (scope.regionId !== undefined) parts.push(`a.region_id = $${params.push(scope.regionId)}`);
  if (scope.storeId !== undefined) parts.push(`a.store_id = $${params.push(scope.storeId)}`);
  return { sql: parts.join(' AND '), params };
}

const SELECT = `SELECT a.id::text AS id, a.kind, a.rule_id, COALESCE(r.definition->>'name', a.summary->>'ruleName', a.body::jsonb->'rule'->>'name') AS rule_name,
  a.region_id, a.store_id, a.created_at, a.acknowledged_at, a.acknowledged_by_name, a.summary
  FROM alert_events a LEFT JOIN alert_rules r ON r.id = a.rule_id`;

const toItem = (r: AlertRow): AlertItem => ({
  id: r.id,
  kind: r.kind,
  ruleId: r.rule_id,
  ruleName: r.rule_name,
  regionId: r.region_id,
  storeId: r.store_id,
  createdAt: r.created_at.toISOString(),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  acknowledgedBy: r.acknowledged_by_name,
  summary: r.summary,
});

/** Recent alerts of the scope, newest first, and how many are not acknowledged yet. */
export async function listAlerts(db: Queryable, scope: Scope, options: { acknowledged?: boolean | undefined; limit: number }): Promise<AlertList> {
  const where = scopeWhere(scope);
  const params = [...where.params];
  let filter = '';
  if (options.acknowledged !== undefined) filter = options.acknowledged ? ' AND a.acknowledged_at IS NOT NULL' : ' AND a.acknowledged_at IS NULL';
  const rows = await db.query<AlertRow>(`${SELECT} WHERE ${where.sql}${filter} ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.push(options.limit)}`, params);
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alert_events a WHERE ${where.sql} AND a.acknowledged_at IS NULL`, where.params);
  return { alerts: rows.map(toItem), unacknowledged: count?.n ?? 0 };
}

/**
 * Marks an alert of the scope acknowledged by `user` (the first acknowledgement stands); undefined
 * when there is no such alert in the scope, exactly as when it does not exist.
 */
export async function acknowledgeAlert(db: Queryable, scope: Scope, id: string, user: { id: number; name: string }, now: Date): Promise<AlertItem | undefined> {
  const where = scopeWhere(scope);
  const params = [...where.params];
  const idParam = `$${params.push(id)}`;
  await db.query(
    `UPDATE alert_events a SET acknowledged_at = $${params.push(now.toISOString())}::timestamptz, acknowledged_by = $${params.push(user.id)}, acknowledged_by_name = $${params.push(user.name)}
     WHERE ${where.sql} AND a.id::text = ${idParam} AND a.acknowledged_at IS NULL`,
    params,
  );
  const [row] = await db.query<AlertRow>(`${SELECT} WHERE ${where.sql} AND a.id::text = $${where.params.length + 1}`, [...where.params, id]);
  return row ? toItem(row) : undefined;
}
