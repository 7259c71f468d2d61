import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drainAfterIngest } from '../../../demo/server/ingest/hooks.js';
import { databaseTargets } from '../support/databases.js';
import { postSubmissions } from '../support/ingest.js';
import { addRule } from '../alerts/support/fixtures.js';
import { SseClient } from '../events/sse-client.js';
import { caseOf, clockAt, consent, csat, feedback as anyTime, get, ingest, KEY, nps, send, smiley, startCasesWorld, text, type CasesWorld } from './fixtures.js';

const MINUTE = 60_000;

for (const target of databaseTargets) {
  describe(`cases opened at ingest (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-07T12:00:00Z');
    let world: CasesWorld;
    before(async () => {
      world = await startCasesWorld(target, clock, { ALERT_WORKER_INTERVAL_MS: 0 });
    });
    after(() => world.collector.close());
    const db = () => world.collector.ctx.db;
    const feedback = (...[store, answers, options]: Parameters<typeof anyTime>) => anyTime(store, answers, { at: clock.now, ...options });
    const count = async (sql: string, params: unknown[] = []) => (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;

    it('opens one case per reason, due after its response time from arrival', async () => {
      const received = clock.now;
      const manager = feedback('n1', [smiley(4)], { at: new Date(received.getTime() - MINUTE), context: { tags: { managerRequested: true } } });
      const withContact = feedback('n1', [nps(3), consent(true, 'ann@example.com')]);
      const detractor = feedback('n2', [csat(2)]);
      // Delivered a day late by a kiosk that was offline: due from its arrival, not born overdue.
      const late = feedback('s1', [smiley(1)], { at: new Date(received.getTime() - 86_400_000) });
      const happy = feedback('n1', [smiley(4), text('Lovely')]);
      await ingest(world, manager, withContact, detractor, late, happy);
      const due = (minutes: number) => new Date(received.getTime() + minutes * MINUTE).toISOString();
      const cases = await Promise.all([manager, withContact, detractor, late, happy].map((s) => caseOf(world, s.id)));
      assert.deepEqual(
        cases.map((c) => c && [c.reason, c.status, c.created_at.toISOString(), c.due_at.toISOString()]),
        [
          ['manager_requested', 'open', received.toISOString(), due(10)],
          ['detractor_with_contact', 'open', received.toISOString(), due(1440)],
          ['detractor', 'open', received.toISOString(), due(4320)],
          ['detractor', 'open', received.toISOString(), due(4320)],
          undefined,
        ],
      );
      const [row] = await db().query<{ region_id: string; store_id: string; brand_id: string }>('SELECT region_id, store_id, brand_id FROM cases WHERE submission_id = $1', [late.id]);
      assert.deepEqual(row, { region_id: 'south', store_id: 's1', brand_id: 'acme' });
    });

    it('never opens a case, stores a contact or announces an event for employee pulse', async () => {
      const before = await count('events');
      const pulse = feedback('n1', [smiley(1), consent(true, 'me@staff.example')], { context: { channel: 'employee', tags: { managerRequested: true } } });
      await ingest(world, pulse);
      assert.equal(await caseOf(world, pulse.id), undefined);
      assert.equal(await count('submission_contacts WHERE submission_id = $1', [pulse.id]), 0);
      assert.equal(await count('events'), before);
      const [stored] = await db().query<{ body: unknown }>('SELECT body FROM submissions WHERE id = $1', [pulse.id]);
      assert.ok(!JSON.stringify(stored?.body).includes('me@staff.example'));
    });

    it("follows the brand's settings as soon as corporate saves them", async () => {
      const before = feedback('n1', [nps(7)]);
      await ingest(world, before);
      assert.equal(await caseOf(world, before.id), undefined);
      const saved = await send(world, 'corporate', 'PUT', '/v1/settings', { cases: { detractor: { npsAtMost: 7 }, responseMinutes: { detractor: 120 } } });
      assert.equal(saved.status, 200, await saved.text());
      try {
        const after = feedback('n1', [nps(7)]);
        await ingest(world, after);
        const opened = await caseOf(world, after.id);
        assert.equal(opened?.reason, 'detractor');
        assert.equal(opened?.due_at.toISOString(), new Date(clock.now.getTime() + 120 * MINUTE).toISOString());
      } finally {
        assert.equal((await send(world, 'corporate', 'PUT', '/v1/settings', {})).status, 200);
      }
    });

    it('opens exactly one case for 20 concurrent deliveries of one submission, and none on later retries', async () => {
      const s = feedback('n2', [nps(1), consent(true, '+46 70 123 45 67')]);
      const stream = await SseClient.open(world.collector.url, world.sessions.corporate.cookie);
      try {
        const answers = await Promise.all(Array.from({ length: 20 }, () => postSubmissions(world.collector.url, s, { key: KEY })));
        const bodies = (await Promise.all(answers.map((r) => r.json()))) as Array<{ accepted: number; duplicates: number }>;
        assert.deepEqual(answers.map((r) => r.status), Array(20).fill(202));
        assert.equal(bodies.reduce((n, b) => n + b.accepted, 0), 1, 'one delivery stored it');
        // Repeated delivery later: alone, and inside a batch with a new one.
        assert.equal((await postSubmissions(world.collector.url, s, { key: KEY })).status, 202);
        const fresh = feedback('n2', [nps(2)]);
        assert.equal((await postSubmissions(world.collector.url, { submissions: [s, fresh, s] }, { key: KEY })).status, 202);
        assert.equal(await count('cases WHERE submission_id = $1', [s.id]), 1);
        assert.equal(await count('submission_contacts WHERE submission_id = $1', [s.id]), 1);
        assert.equal(await count("events WHERE data->>'submissionId' = $1", [s.id]), 2, 'one submission event and one case event');
        assert.equal(await count('cases WHERE submission_id = $1', [fresh.id]), 1);
        await stream.waitFor(() => stream.find('case', (d) => d['submissionId'] === fresh.id).length === 1, 5_000, 'the fresh case');
        assert.equal(stream.find('case', (d) => d['submissionId'] === s.id).length, 1);
        assert.equal(stream.find('submission', (d) => d['submissionId'] === s.id).length, 1);
      } finally {
        stream.close();
      }
    });

    it('writes a case in the same statement as its submission: when the case cannot be written, neither is the submission', async () => {
      // A constraint no case can meet stands in for a crash between the two writes.
      await db().query("ALTER TABLE cases ADD CONSTRAINT cases_test_refuse CHECK (reason <> 'detractor') NOT VALID");
      const s = feedback('n1', [smiley(1)]);
      const calm = feedback('n1', [smiley(5)]);
      try {
        const res = await postSubmissions(world.collector.url, { submissions: [calm, s] }, { key: KEY });
        assert.equal(res.status, 500, 'the device keeps it and retries');
        assert.equal(await count('submissions WHERE id = ANY($1::uuid[])', [[s.id, calm.id]]), 0);
        assert.equal(await count("events WHERE data->>'submissionId' = ANY($1::text[])", [[s.id, calm.id]]), 0);
      } finally {
        await db().query('ALTER TABLE cases DROP CONSTRAINT cases_test_refuse');
      }
      await ingest(world, calm, s);
      assert.equal((await caseOf(world, s.id))?.reason, 'detractor');
      assert.equal(await caseOf(world, calm.id), undefined);
    });

    it('keeps contact details out of the stored submission, stats, exports, webhooks and events', async () => {
      const EMAIL = 'private.person@example.org';
      await addRule(world.collector.ctx, { id: 'low', kind: 'score', when: { minScoreAtMost: 2 } });
      const stream = await SseClient.open(world.collector.url, world.sessions.corporate.cookie);
      try {
        const s = feedback('n1', [nps(0), csat(1), text('Never again'), consent(true, EMAIL)], { context: { tags: { managerRequested: true } } });
        await ingest(world, s);
        await drainAfterIngest(world.collector.ctx);
        await stream.waitFor(() => stream.find('case', (d) => d['submissionId'] === s.id).length === 1, 5_000, 'the case event');
        const [row] = await db().query<{ body: unknown; comment: string | null }>('SELECT body, comment FROM submissions WHERE id = $1', [s.id]);
        assert.ok(row && !JSON.stringify(row).includes(EMAIL), 'stored submission');
        const [alert] = await db().query<{ body: string }>("SELECT body FROM alert_events WHERE rule_id = 'low' AND dedupe_key = 'submission:' || $1", [s.id]);
        assert.ok(alert, 'the rule raised an alert');
        assert.ok(!alert.body.includes(EMAIL), 'webhook payload');
        assert.ok(!stream.raw.includes(EMAIL), 'live events');
        const range = 'from=2026-03-01&to=2026-03-31';
        for (const path of [`/v1/stats/comments?${range}`, `/v1/stats/export.csv?rows=responses&${range}`, `/v1/stats/kudos?${range}`, '/v1/cases?status=active']) {
          const res = await get(world, 'corporate', path);
          const body = await res.text();
          assert.equal(res.status, 200, `${path}: ${body}`);
          assert.ok(!body.includes(EMAIL), path);
          if (path.startsWith('/v1/stats/comments')) assert.ok(body.includes('Never again'), 'the comment itself is there');
        }
        const [contact] = await db().query<{ kind: string; value: string }>('SELECT kind, value FROM submission_contacts WHERE submission_id = $1', [s.id]);
        assert.deepEqual(contact, { kind: 'email', value: EMAIL });
      } finally {
        stream.close();
      }
    });
  });
}
