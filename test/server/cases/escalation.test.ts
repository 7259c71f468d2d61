import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { escalateOverdue, escalationHooks, type EscalatedCase } from '../../../demo/server/cases/index.js';
import type { CaseDetail } from '../../../demo/server/cases/types.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { startCollector, type Collector } from '../../../demo/server/server.js';
import { databaseTargets } from '../support/databases.js';
import { postSubmissions } from '../support/ingest.js';
import { openSharedPostgres } from '../support/shared-postgres.js';
import { SseClient } from '../events/sse-client.js';
import { clockAt, feedback, getJson, ingest, KEY, send, smiley, startCasesWorld, type CasesWorld } from './fixtures.js';

const MINUTE = 60_000;
const managerNow = (at: Date) => feedback('n1', [smiley(2)], { at, context: { tags: { managerRequested: true } } });
const config = { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', CASE_WORKER_INTERVAL_MS: 0, ALERT_WORKER_INTERVAL_MS: 0, RATE_LIMIT_PER_MINUTE: 0 } as const;
const hierarchy = { brands: [{ id: 'acme', name: 'Acme', writeKeys: [KEY], regions: [{ id: 'north', name: 'North', stores: [{ id: 'n1', name: 'North One', staff: [] }] }] }] };

for (const target of databaseTargets) {
  describe(`case escalation (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-07T12:00:00Z');
    let world: CasesWorld;
    before(async () => {
      world = await startCasesWorld(target, clock);
    });
    after(() => world.collector.close());
    const caseIdOf = async (submissionId: string) =>
      (await world.collector.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM cases WHERE submission_id = $1', [submissionId]))[0]!.id;

    it('escalates an unresolved case once, at its due time, with a note and a live event for the region', async () => {
      const stream = await SseClient.open(world.collector.url, world.sessions.north.cookie);
      try {
        const s = managerNow(clock.now);
        await ingest(world, s);
        const id = await caseIdOf(s.id);
        clock.advance(10 * MINUTE - 1);
        assert.deepEqual(await escalateOverdue(world.collector.ctx), []);
        clock.advance(1);
        const escalated = await escalateOverdue(world.collector.ctx);
        assert.deepEqual(escalated.map((c) => [c.id, c.reason, c.escalatedAt.toISOString()]), [[id, 'manager_requested', clock.now.toISOString()]]);
        clock.advance(MINUTE);
        assert.deepEqual(await escalateOverdue(world.collector.ctx), [], 'exactly once');

        const detail = await getJson<CaseDetail>(world, 'north', `/v1/cases/${id}`);
        assert.deepEqual([detail.escalated, detail.escalatedAt, detail.overdue, detail.version], [true, '2026-03-07T12:10:00.000Z', true, 2]);
        assert.deepEqual(detail.notes.map((n) => [n.kind, n.author, n.createdAt]), [['escalated', null, '2026-03-07T12:10:00.000Z']]);
        await stream.waitFor(() => stream.find('case', (d) => d['caseId'] === id && d['action'] === 'escalated').length === 1, 5_000, 'the escalation event');
        const event = stream.find('case', (d) => d['caseId'] === id && d['action'] === 'escalated')[0]!.json!.data;
        assert.deepEqual([event['escalated'], event['status'], event['version'], event['regionId']], [true, 'open', 2, 'north']);
        const list = await getJson<{ cases: Array<{ id: string }>; counts: { escalated: number } }>(world, 'north', '/v1/cases?escalated=true');
        assert.ok(list.cases.some((c) => c.id === id));
      } finally {
        stream.close();
      }
    });

    it('never escalates a resolved case, and escalates a reopened overdue one', async () => {
      const s = managerNow(clock.now);
      await ingest(world, s);
      const id = await caseIdOf(s.id);
      const resolved = await send(world, 'n1', 'PATCH', `/v1/cases/${id}`, { version: 1, status: 'resolved', rootCause: 'staff', resolutionNote: 'Came at once' });
      assert.equal(resolved.status, 200);
      clock.advance(20 * MINUTE);
      assert.deepEqual(await escalateOverdue(world.collector.ctx), []);
      assert.equal((await send(world, 'n1', 'PATCH', `/v1/cases/${id}`, { version: 2, status: 'open' })).status, 200);
      assert.deepEqual((await escalateOverdue(world.collector.ctx)).map((c) => c.id), [id]);
    });

    it('hands newly escalated cases to the escalation hooks; a failing hook undoes nothing', async () => {
      const seen: EscalatedCase[][] = [];
      const hooks = escalationHooks(world.collector.ctx);
      hooks.push(async (cases) => void seen.push([...cases]), async () => Promise.reject(new Error('webhook down')));
      try {
        const a = managerNow(clock.now);
        const b = managerNow(clock.now);
        await ingest(world, a, b);
        clock.advance(11 * MINUTE);
        const escalated = await escalateOverdue(world.collector.ctx);
        assert.deepEqual(escalated.map((c) => c.submissionId).sort(), [a.id, b.id].sort());
        assert.deepEqual(seen.map((batch) => batch.map((c) => c.submissionId).sort()), [[a.id, b.id].sort()]);
        const [row] = await world.collector.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE submission_id = ANY($1::uuid[]) AND escalated_at IS NOT NULL', [[a.id, b.id]]);
        assert.equal(row!.n, 2);
      } finally {
        hooks.splice(0);
      }
    });

    it('escalates after a restart a case opened before it: nothing lives only in memory', async () => {
      const db = await target.open();
      const restartClock = clockAt('2026-03-07T12:00:00Z');
      let second: Collector | undefined;
      try {
        const first = await startCollector({ db, config, now: () => restartClock.now });
        await importHierarchy(first.ctx, hierarchy);
        const s = managerNow(restartClock.now);
        assert.equal((await postSubmissions(first.url, s, { key: KEY })).status, 202);
        await first.close();
        restartClock.advance(11 * MINUTE);
        second = await startCollector({ db, config, now: () => restartClock.now });
        assert.deepEqual((await escalateOverdue(second.ctx)).map((c) => c.submissionId), [s.id]);
      } finally {
        await second?.close();
        await db.close();
      }
    });
  });
}

const postgres = databaseTargets.find((t) => t.name === 'postgres')!;
describe('case escalation on two instances of one PostgreSQL', { skip: postgres.skip }, () => {
  const clock = clockAt('2026-03-07T12:00:00Z');
  let shared: Awaited<ReturnType<typeof openSharedPostgres>>;
  let a: Collector;
  let b: Collector;
  before(async () => {
    shared = await openSharedPostgres();
    a = await startCollector({ db: shared.first, config, now: () => clock.now });
    b = await startCollector({ db: shared.second, config, now: () => clock.now });
    await importHierarchy(a.ctx, hierarchy);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await shared?.close();
  });

  it('escalates each overdue case exactly once when both instances run at the same moment', async () => {
    const submissions = Array.from({ length: 60 }, () => managerNow(clock.now));
    assert.equal((await postSubmissions(a.url, { submissions: submissions.slice(0, 30) }, { key: KEY })).status, 202);
    assert.equal((await postSubmissions(b.url, { submissions: submissions.slice(30) }, { key: KEY })).status, 202);
    clock.advance(11 * MINUTE);
    const runs = await Promise.all([a, b, a, b, a, b].map((collector) => escalateOverdue(collector.ctx)));
    const ids = runs.flat().map((c) => c.id);
    assert.equal(ids.length, 60, `escalated ${ids.length} times in all`);
    assert.equal(new Set(ids).size, 60);
    const [notes] = await shared.first.query<{ n: number }>("SELECT count(*)::int AS n FROM case_notes WHERE kind = 'escalated'");
    const [events] = await shared.first.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE data->>'action' = 'escalated'");
    assert.deepEqual([notes!.n, events!.n], [60, 60]);
  });
});
