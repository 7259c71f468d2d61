import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoHierarchy } from '../../demo/seed/hierarchy.js';
import { demoUsers, seedDemo } from '../../demo/seed/index.js';
import type { CaseListResponse, CaseMetricsResponse } from '../../demo/server/cases/types.js';
import { DEFAULT_ROOT_CAUSES } from '../../demo/server/settings/schema.js';
import type { Collector } from '../../demo/server/server.js';
import { startTestCollector } from './support/collector.js';
import { databaseTargets } from './support/databases.js';
import { getJson, login, type Session } from './stats/client.js';

const pglite = databaseTargets.find((t) => t.name === 'pglite')!;

describe('the demo seed: a quarter of cases, handled as a store network would', () => {
  let collector: Collector;
  before(async () => {
    collector = await startTestCollector(pglite, { CASE_WORKER_INTERVAL_MS: 0 });
    await seedDemo(collector.ctx);
  });
  after(() => collector?.close());
  const q = <T extends Record<string, unknown>>(sql: string) => collector.ctx.db.query<T>(sql);

  it('seeds alert rules and alerts, and the drop check raises Brighton\'s fall', async () => {
    const rules = await q<{ id: string }>("SELECT id FROM alert_rules WHERE brand_id = 'acme'");
    assert.ok(rules.some((r) => r.id === 'manager-now-042') && rules.some((r) => r.id.startsWith('burst-')), JSON.stringify(rules));
    const kinds = await q<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM alert_events GROUP BY 1 ORDER BY 1');
    assert.deepEqual(kinds.map((k) => k.kind), ['drop', 'escalation', 'rule'], JSON.stringify(kinds));
    const drops = await q<{ store_id: string; summary: { previous: number; current: number } }>("SELECT store_id, summary FROM alert_events WHERE kind = 'drop'");
    const brighton = drops.find((d) => d.store_id === '108');
    assert.ok(brighton, `Brighton's fall raises a drop alert: ${JSON.stringify(drops)}`);
    assert.ok(brighton.summary.previous - brighton.summary.current >= 20, JSON.stringify(brighton));
  });

  it('seeds a store manager for every store and a regional manager for every region', async () => {
    const stores = demoHierarchy.brands[0]!.regions.flatMap((r) => r.stores.map((s) => s.id));
    const regions = demoHierarchy.brands[0]!.regions.map((r) => r.id);
    assert.deepEqual(demoUsers.filter((u) => u.role === 'store').map((u) => ('storeId' in u ? u.storeId : '')).sort(), [...stores].sort());
    assert.deepEqual(demoUsers.filter((u) => u.role === 'regional').map((u) => ('regionId' in u ? u.regionId : '')).sort(), [...regions].sort());
    const [users] = await q<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE brand_id = 'acme'");
    assert.equal(users!.n, demoUsers.length);
  });

  it('opens cases by the same rules as ingest, for every reason, and none for pulse', async () => {
    const reasons = await q<{ reason: string; n: number }>('SELECT reason, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 1');
    assert.deepEqual(reasons.map((r) => r.reason), ['detractor', 'detractor_with_contact', 'manager_requested']);
    assert.ok(reasons.every((r) => r.n >= 10), JSON.stringify(reasons));
    const [pulse] = await q<{ n: number }>("SELECT count(*)::int AS n FROM cases c JOIN submissions s ON s.id = c.submission_id WHERE s.channel = 'employee'");
    assert.equal(pulse!.n, 0);
    const [contacts] = await q<{ n: number }>('SELECT count(*)::int AS n FROM submission_contacts');
    assert.ok(contacts!.n > 0);
    const [leaked] = await q<{ n: number }>("SELECT count(*)::int AS n FROM submissions WHERE body::text LIKE '%@example.com%'");
    assert.equal(leaked!.n, 0, 'contact details are not in stored bodies');
    const [events] = await q<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE kind <> 'alert'");
    assert.equal(events!.n, 0, '90 days of history are not announced as live');
  });

  it('handles most, leaves some overdue and escalated, keeps some open and due soon, with a consistent history', async () => {
    const [s] = await q<{ total: number; resolved: number; overdue: number; escalated: number; dueSoon: number; inProgress: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'resolved')::int AS resolved,
         count(*) FILTER (WHERE status <> 'resolved' AND due_at <= now())::int AS overdue, count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS escalated,
         count(*) FILTER (WHERE status <> 'resolved' AND due_at > now())::int AS "dueSoon", count(*) FILTER (WHERE status = 'in_progress')::int AS "inProgress"
       FROM cases`,
    );
    assert.ok(s!.resolved / s!.total > 0.75, JSON.stringify(s));
    assert.ok(s!.overdue > 0 && s!.overdue / s!.total < 0.2, JSON.stringify(s));
    assert.ok(s!.escalated > 0 && s!.dueSoon > 0 && s!.inProgress > 0, JSON.stringify(s));
    const causes = new Set(DEFAULT_ROOT_CAUSES.map((c) => c.id));
    const resolved = await q<{ root_cause: string; notes: string[]; first: Date | null; resolved_at: Date; created_at: Date }>(
      "SELECT c.root_cause, c.first_response_at AS first, c.resolved_at, c.created_at, array(SELECT kind FROM case_notes n WHERE n.case_id = c.id ORDER BY n.id) AS notes FROM cases c WHERE c.status = 'resolved'",
    );
    for (const c of resolved) {
      assert.ok(causes.has(c.root_cause), c.root_cause);
      assert.equal(c.notes.at(-1), 'resolved');
      assert.ok(c.first !== null && c.created_at <= c.first && c.first <= c.resolved_at);
    }
    const [late] = await q<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE escalated_at IS NOT NULL AND escalated_at < due_at');
    assert.equal(late!.n, 0, 'escalated only once due');
  });

  it('shows a store manager their inbox and the regional manager the closing-the-loop metrics', async () => {
    const store = demoUsers.find((u) => u.role === 'store')!;
    const storeSession: Session = await login(collector.url, store.email, store.password);
    const inbox = await getJson<CaseListResponse>(collector.url, '/v1/cases', storeSession);
    assert.ok(inbox.cases.length > 0 && inbox.cases.every((c) => c.storeId === '042'));
    const regional = demoUsers.find((u) => u.role === 'regional')!;
    const metrics = await getJson<CaseMetricsResponse>(collector.url, '/v1/cases/metrics?level=store', await login(collector.url, regional.email, regional.password));
    assert.deepEqual(metrics.groups.map((g) => g.id), ['017', '023', '042']);
    const oslo = metrics.groups.find((g) => g.id === '017')!;
    const copenhagen = metrics.groups.find((g) => g.id === '023')!;
    assert.ok(oslo.overdue > copenhagen.overdue && (oslo.resolvedOnTimePct ?? 0) < (copenhagen.resolvedOnTimePct ?? 0), 'Oslo is the problem store');
  });
});
