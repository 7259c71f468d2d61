import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import type { Submission } from '../../../sdk/index.js';
import { escalateOverdue } from '../../../demo/server/cases/index.js';
import { CaseMetricsResponseSchema, type CaseMetrics, type CaseMetricsResponse } from '../../../demo/server/cases/types.js';
import { databaseTargets } from '../support/databases.js';
import { clockAt, consent, feedback, getJson, ingest, nps, send, smiley, startCasesWorld, type CasesWorld, type Who } from './fixtures.js';

/**
 * Closing-the-loop metrics on a quarter in miniature, every figure worked out by hand from the
 * timeline below (docs/collector.md, "Closing-the-loop metrics"). Response times are the defaults:
 * manager 10 min, detractor with contact 24 h, detractor 72 h. "Now" is 03-07 12:00.
 *
 *  n1 A manager    opened 03-02 09:00, due 09:10; taken 09:04; resolved 09:08 (staff)     on time
 *  n1 B detractor  opened 03-02 09:00, due 03-05 09:00; taken 11:00; escalated 03-05 12:00;
 *                  resolved 03-06 09:00 (queue)                                            late
 *  n1 C contact    opened 03-03 09:00, due 03-04 09:00; untouched; escalated 03-05 12:00   overdue
 *  n2 D detractor  opened 03-04 09:00, due 03-07 09:00; note 09:30; resolved 10:00 (queue) on time
 *  s1 F manager    opened 03-05 09:00, due 09:10; taken 09:20 by the region; resolved 09:40 (stock) late
 *  n2 E detractor  opened 03-07 11:00, due 03-10 11:00; untouched                          not decided
 */
const EXPECTED: Record<'n1' | 'n2' | 's1' | 'north' | 'all', Omit<CaseMetrics, 'topRootCauses'> & { top: string[] }> = {
  n1: { opened: 3, open: 1, overdue: 1, escalated: 2, resolved: 2, resolvedOnTime: 1, decided: 3, resolvedOnTimePct: 33.3, medianFirstResponseMinutes: 62, medianResolveMinutes: 2884, top: ['queue:1', 'staff:1'] },
  n2: { opened: 2, open: 1, overdue: 0, escalated: 0, resolved: 1, resolvedOnTime: 1, decided: 1, resolvedOnTimePct: 100, medianFirstResponseMinutes: 30, medianResolveMinutes: 60, top: ['queue:1'] },
  s1: { opened: 1, open: 0, overdue: 0, escalated: 0, resolved: 1, resolvedOnTime: 0, decided: 1, resolvedOnTimePct: 0, medianFirstResponseMinutes: 20, medianResolveMinutes: 40, top: ['stock:1'] },
  north: { opened: 5, open: 2, overdue: 1, escalated: 2, resolved: 3, resolvedOnTime: 2, decided: 4, resolvedOnTimePct: 50, medianFirstResponseMinutes: 30, medianResolveMinutes: 60, top: ['queue:2', 'staff:1'] },
  all: { opened: 6, open: 2, overdue: 1, escalated: 2, resolved: 4, resolvedOnTime: 2, decided: 5, resolvedOnTimePct: 40, medianFirstResponseMinutes: 25, medianResolveMinutes: 50, top: ['queue:2', 'staff:1', 'stock:1'] },
};

/** The figures of a summary or group, root causes as `id:count`. */
const shape = (m: CaseMetrics) => ({
  opened: m.opened,
  open: m.open,
  overdue: m.overdue,
  escalated: m.escalated,
  resolved: m.resolved,
  resolvedOnTime: m.resolvedOnTime,
  decided: m.decided,
  resolvedOnTimePct: m.resolvedOnTimePct,
  medianFirstResponseMinutes: m.medianFirstResponseMinutes,
  medianResolveMinutes: m.medianResolveMinutes,
  top: m.topRootCauses.map((c) => `${c.id}:${c.count}`),
});

for (const target of databaseTargets) {
  describe(`closing-the-loop metrics (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-02T09:00:00Z');
    let world: CasesWorld;
    const at = (iso: string) => (clock.now = new Date(`2026-03-${iso}:00Z`));
    const caseIds: Record<string, string> = {};
    const open = async (name: string, s: Submission) => {
      await ingest(world, s);
      const [row] = await world.collector.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM cases WHERE submission_id = $1', [s.id]);
      caseIds[name] = row!.id;
    };
    const change = async (who: Who, name: string, body: Record<string, unknown>) => {
      const [row] = await world.collector.ctx.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseIds[name]]);
      const res = await send(world, who, 'PATCH', `/v1/cases/${caseIds[name]}`, { version: row!.version, ...body });
      assert.equal(res.status, 200, await res.text());
    };
    const metrics = async (who: Who, query: string) => {
      const body = await getJson<CaseMetricsResponse>(world, who, `/v1/cases/metrics?${query}`);
      assert.ok(z.safeParse(CaseMetricsResponseSchema, body).success);
      return body;
    };

    before(async () => {
      // A week of clock time: sessions must outlive it.
      world = await startCasesWorld(target, clock, { SESSION_TTL_MINUTES: 43_200 });
      at('02T09:00');
      await open('A', feedback('n1', [smiley(3)], { at: clock.now, context: { tags: { managerRequested: true } } }));
      await open('B', feedback('n1', [smiley(2)], { at: clock.now }));
      at('02T09:04');
      await change('n1', 'A', { status: 'in_progress' });
      at('02T09:08');
      await change('n1', 'A', { status: 'resolved', rootCause: 'staff', resolutionNote: 'Apologised in person' });
      at('02T11:00');
      await change('n1', 'B', { status: 'in_progress' });
      at('03T09:00');
      await open('C', feedback('n1', [nps(4), consent(true, 'c@example.com')], { at: clock.now }));
      at('04T09:00');
      await open('D', feedback('n2', [nps(5)], { at: clock.now }));
      at('04T09:30');
      await change('n2', 'D', { note: 'Looking into it' });
      at('04T10:00');
      await change('n2', 'D', { status: 'resolved', rootCause: 'queue', resolutionNote: 'Extra till on Saturdays' });
      at('05T09:00');
      await open('F', feedback('s1', [smiley(3)], { at: clock.now, context: { tags: { managerRequested: true } } }));
      at('05T09:20');
      await change('south', 'F', { status: 'in_progress' });
      at('05T09:40');
      await change('south', 'F', { status: 'resolved', rootCause: 'stock', resolutionNote: 'Ordered the size' });
      at('05T12:00');
      assert.deepEqual((await escalateOverdue(world.collector.ctx)).map((c) => c.id).sort(), [caseIds.B, caseIds.C].sort());
      at('06T09:00');
      await change('n1', 'B', { status: 'resolved', rootCause: 'queue', resolutionNote: 'Talked to the team' });
      at('07T11:00');
      await open('E', feedback('n2', [nps(6)], { at: clock.now }));
      at('07T12:00');
    });
    after(() => world.collector.close());

    it('per store and for the brand, as worked out by hand', async () => {
      const body = await metrics('corporate', 'level=store&from=2026-03-01&to=2026-03-07');
      assert.deepEqual(shape(body.summary), EXPECTED.all);
      assert.deepEqual(body.groups.map((g) => [g.id, g.name, g.regionId]), [['n1', 'North One', 'north'], ['n2', 'North Two', 'north'], ['s1', 'South One', 'south']]);
      for (const group of body.groups) assert.deepEqual(shape(group), EXPECTED[group.id as 'n1' | 'n2' | 's1'], group.id);
      assert.deepEqual(body.summary.topRootCauses[0], { id: 'queue', label: 'Queue', count: 2 });
    });

    it('per region, and within a regional manager’s scope', async () => {
      const body = await metrics('corporate', 'level=region&from=2026-03-01&to=2026-03-07');
      assert.deepEqual(body.groups.map((g) => [g.id, g.name]), [['north', 'North'], ['south', 'South']]);
      assert.deepEqual(shape(body.groups[0]!), EXPECTED.north);
      assert.deepEqual(shape(body.groups[1]!), EXPECTED.s1);
      const north = await metrics('north', 'level=store&from=2026-03-01&to=2026-03-07');
      assert.deepEqual(shape(north.summary), EXPECTED.north);
      assert.deepEqual(north.groups.map((g) => g.id), ['n1', 'n2']);
      assert.deepEqual(north.filter, { from: '2026-03-01', to: '2026-03-07', region: 'north', store: null });
    });

    it('sums the groups into the summary, for every level and scope', async () => {
      // The summary's counts are the groups' sums (one scan fewer); its medians are its own.
      const counts = ['opened', 'open', 'overdue', 'escalated', 'resolved', 'resolvedOnTime', 'decided'] as const;
      for (const [who, query] of [['corporate', 'level=store'], ['corporate', 'level=region'], ['north', 'level=store'], ['corporate', 'level=store&region=north']] as const) {
        const body = await metrics(who, `${query}&from=2026-03-01&to=2026-03-07`);
        for (const key of counts) assert.equal(body.summary[key], body.groups.reduce((sum, g) => sum + g[key], 0), `${who} ${query} ${key}`);
      }
    });

    it('counts cases by the day they were opened', async () => {
      const late = await metrics('corporate', 'level=store&from=2026-03-05&to=2026-03-07');
      assert.deepEqual(late.groups.map((g) => [g.id, g.opened]), [['n2', 1], ['s1', 1]]);
      const none = await metrics('corporate', 'from=2026-02-01&to=2026-02-28');
      assert.deepEqual(shape(none.summary), { opened: 0, open: 0, overdue: 0, escalated: 0, resolved: 0, resolvedOnTime: 0, decided: 0, resolvedOnTimePct: null, medianFirstResponseMinutes: null, medianResolveMinutes: null, top: [] });
    });

    it('shows escalated cases to the region as such', async () => {
      const list = await getJson<{ cases: Array<{ id: string; escalated: boolean; escalatedAt: string | null }> }>(world, 'north', '/v1/cases?escalated=true');
      assert.deepEqual(list.cases.map((c) => [c.id, c.escalated, c.escalatedAt]), [[caseIds.C, true, '2026-03-05T12:00:00.000Z']]);
      const resolved = await getJson<{ cases: Array<{ id: string }> }>(world, 'north', '/v1/cases?escalated=true&status=resolved');
      assert.deepEqual(resolved.cases.map((c) => c.id), [caseIds.B]);
      const calm = await getJson<{ cases: Array<{ id: string }> }>(world, 'north', '/v1/cases?escalated=false');
      assert.deepEqual(calm.cases.map((c) => c.id), [caseIds.E]);
    });
  });
}
