import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { saveRule } from '../../../demo/server/alerts/index.js';
import { AlertRuleSchema } from '../../../demo/server/alerts/rules/schema.js';
import { drainAfterIngest } from '../../../demo/server/ingest/hooks.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy, storedRow } from '../support/ingest.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

for (const target of databaseTargets) {
  describe(`createdAt window (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let shortWindow: Collector;
    before(async () => {
      collector = await startTestCollector(target, {}, { now: () => NOW });
      await seedTestHierarchy(collector.ctx);
      // A one-day window, so a late submission can still be within an alert rule's maxAgeMinutes.
      shortWindow = await startTestCollector(target, { CREATED_AT_MAX_AGE_DAYS: 1, ALERT_WORKER_INTERVAL_MS: 0 }, { now: () => NOW });
      await seedTestHierarchy(shortWindow.ctx);
    });
    after(async () => {
      await collector.close();
      await shortWindow.close();
    });

    /** Posts a submission created at `createdAt` and returns its stored row (every one is accepted: nothing is lost). */
    async function store(on: Collector, createdAt: string) {
      const submission = makeSubmission({ createdAt });
      const res = await postSubmissions(on.url, submission);
      assert.equal(res.status, 202, createdAt);
      const row = await storedRow(on.ctx, submission.id);
      // Formatted by the database: the drivers read years below 100 as 19xx/20xx.
      const [stored] = await on.ctx.db.query<{ at: string }>(`SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM submissions WHERE id = $1`, [submission.id]);
      return { flags: row?.flags, createdAt: stored?.at, claimed: (row?.body as { createdAt: string }).createdAt };
    }

    it('keeps feedback at both edges of [now − 30 days, now + 10 minutes] as claimed, unflagged', async () => {
      assert.deepEqual(await store(collector, at(-30 * DAY)), { flags: [], createdAt: at(-30 * DAY), claimed: at(-30 * DAY) });
      assert.deepEqual(await store(collector, at(10 * MINUTE)), { flags: [], createdAt: at(10 * MINUTE), claimed: at(10 * MINUTE) });
    });

    it('keeps older feedback as claimed but flags it late (security review: year 0001 was accepted as is)', async () => {
      assert.deepEqual(await store(collector, at(-30 * DAY - SECOND)), { flags: ['late'], createdAt: at(-30 * DAY - SECOND), claimed: at(-30 * DAY - SECOND) });
      assert.deepEqual(await store(collector, '0001-01-01T00:00:00.000Z'), { flags: ['late'], createdAt: '0001-01-01T00:00:00.000Z', claimed: '0001-01-01T00:00:00.000Z' });
    });

    it('stores feedback from a clock ahead at the receive time, flagged clock_ahead, its claim kept in the body (year 9999 too)', async () => {
      assert.deepEqual(await store(collector, at(10 * MINUTE + SECOND)), { flags: ['clock_ahead'], createdAt: NOW.toISOString(), claimed: at(10 * MINUTE + SECOND) });
      assert.deepEqual(await store(collector, '9999-12-31T23:59:59.000Z'), { flags: ['clock_ahead'], createdAt: NOW.toISOString(), claimed: '9999-12-31T23:59:59.000Z' });
    });

    it('honours the configured window', async () => {
      assert.deepEqual((await store(shortWindow, at(-DAY - SECOND))).flags, ['late']);
      assert.deepEqual((await store(shortWindow, at(-DAY))).flags, []);
    });

    it('never raises an alert for late feedback, even within a rule’s maxAgeMinutes', async () => {
      const rule = AlertRuleSchema.parse({ id: 'low', kind: 'score', brand: 'acme', maxAgeMinutes: 10_080, when: { minScoreAtMost: 2 }, webhook: { url: 'https://hooks.example.com/x', secret: 'whsec_0123456789abcdef' } });
      await saveRule(shortWindow.ctx.db, rule, 'api', NOW);
      const low = (createdAt: string) => makeSubmission({ createdAt, answers: [{ questionId: 'mood', type: 'smiley', value: 1 }] });
      for (const createdAt of [at(-2 * DAY), at(-MINUTE)]) {
        assert.equal((await postSubmissions(shortWindow.url, low(createdAt))).status, 202);
      }
      await drainAfterIngest(shortWindow.ctx);
      const alerts = await shortWindow.ctx.db.query<{ body: string }>('SELECT body FROM alert_events');
      assert.deepEqual(alerts.map((a) => (JSON.parse(a.body) as { submissions: Array<{ createdAt: string }> }).submissions[0]?.createdAt), [at(-MINUTE)]);
    });
  });
}
