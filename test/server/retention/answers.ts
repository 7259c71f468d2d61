import type { Database } from '../../../demo/server/db/database.js';
import { ROUTE_TABLE } from '../../../demo/server/route-table.js';
import { ROLLUPS } from '../../../demo/server/stats/rollups/definition.js';
import { get, type Session } from '../stats/client.js';
import { RANGE } from './fixtures.js';

/** Selections the stats routes are asked with (added to the range). */
const STATS = ['', 'level=region', 'level=store', 'level=staff', 'store=n1', 'region=south', 'channel=web', 'channel=employee', 'bucket=week', 'metric=smiley', 'rows=responses'];
const CASES = ['', 'status=active', 'status=resolved', 'store=n1', 'region=south', 'limit=200'];
const CASE_METRICS = ['', 'level=region', 'level=store', 'store=n1'];
const IDEAS = ['', 'status=all', 'store=n1', 'region=south'];
const DIGEST = ['', 'store=n1', 'region=south', 'week=2026-W05', 'store=n1&week=2026-W09'];
const ALERTS = ['', 'acknowledged=false', 'limit=200'];
const IDEA_METRICS = ['', 'level=region', 'level=store', 'store=n1'];
const RECOGNITION = ['', 'region=south', 'store=n1'];

function urlsOf(path: string, ids: { cases: readonly string[]; rules: readonly string[] }): string[] {
  const withRange = (selections: readonly string[]) => selections.map((s) => `${path}?${[RANGE, s].filter(Boolean).join('&')}`);
  const without = (selections: readonly string[]) => selections.map((s) => `${path}${s ? `?${s}` : ''}`);
  if (path === '/v1/cases/:id') return ids.cases.map((id) => `/v1/cases/${id}`);
  if (path === '/v1/alert-rules/:id/deliveries') return ids.rules.map((id) => `/v1/alert-rules/${encodeURIComponent(id)}/deliveries`);
  // These take no date range: ideas and alerts list the latest, the digest a week.
  if (path === '/v1/ideas') return without(IDEAS);
  if (path === '/v1/alerts') return without(ALERTS);
  if (path === '/v1/digest') return without(DIGEST);
  if (path === '/v1/cases') return CASES.map((s) => `${path}${s ? `?${s}` : ''}`);
  if (path === '/v1/cases/metrics') return withRange(CASE_METRICS);
  if (path === '/v1/ideas/metrics') return withRange(IDEA_METRICS);
  if (path === '/v1/recognition/stores') return withRange(RECOGNITION);
  return withRange(STATS);
}

/**
 * Every answer the dashboard can get: each route the route table marks `probe` (the routes that
 * show feedback), with each selection, plus every case's detail. Keyed by request.
 */
export async function dashboardAnswers(baseUrl: string, db: Database, session: Session): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = {
    cases: (await db.query<{ id: string }>('SELECT id::text AS id FROM cases ORDER BY id')).map((r) => r.id),
    rules: (await db.query<{ id: string }>('SELECT id FROM alert_rules ORDER BY id')).map((r) => r.id),
  };
  for (const route of ROUTE_TABLE.filter((r) => r.anonymity === 'probe' && r.method === 'GET')) {
    // The live stream replays only the last EVENT_RETENTION_HOURS: it has its own check.
    if (route.path === '/v1/events') continue;
    for (const url of urlsOf(route.path, ids)) {
      const res = await get(baseUrl, url, session);
      out.set(url, `${res.status} ${await res.text()}`);
    }
  }
  return out;
}

/** The admin API's read routes (the operator's view), as text keyed by path. */
export async function adminAnswers(baseUrl: string, token: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const route of ROUTE_TABLE.filter((r) => r.access === 'admin' && r.method === 'GET' && !r.path.includes(':'))) {
    const res = await fetch(`${baseUrl}${route.path}`, { headers: { authorization: `Bearer ${token}` } });
    out.set(route.path, `${res.status} ${await res.text()}`);
  }
  return out;
}

/** Every rollup row that counts anything, as sorted JSON lines per table. */
export async function rollupSnapshot(db: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ROLLUPS) {
    const measures = table.measures.map((m) => m.name);
    const rows = await db.query(`SELECT * FROM ${table.name} WHERE ${measures.map((m) => `${m} <> 0`).join(' OR ')}`);
    out[table.name] = rows.map((row) => JSON.stringify(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]))).sort();
  }
  return out;
}
