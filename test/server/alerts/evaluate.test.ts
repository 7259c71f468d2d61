import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { evaluateAlerts, listDeliveries, markRulesChanged, runDueDeliveries } from '../../../demo/server/alerts/index.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { addRule, deliveries, insertSubmission, seedHierarchy, submissionIdsOf, testClock } from './support/fixtures.js';
import { startReceiver } from './support/receiver.js';

const MIN = 60_000;
const iso = (d: Date | null | undefined) => d?.toISOString();

for (const target of databaseTargets) {
  describe(`alert rules (${target.name})`, { skip: target.skip }, () => {
    // Monday 23 November 2026, 11:00 in Stockholm (CET, UTC+1): store 042 is open.
    const clock = testClock('2026-11-23T10:00:00Z');
    let collector: Collector;
    const ctx = () => collector.ctx;
    before(async () => {
      collector = await startTestCollector(target, { ALERT_WORKER_INTERVAL_MS: 0, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }, { now: clock.now });
      await seedHierarchy(ctx().db);
    });
    after(() => collector.close());
    beforeEach(async () => {
      clock.set('2026-11-23T10:00:00Z');
      for (const table of ['webhook_deliveries', 'alert_events', 'alert_rules', 'submissions']) await ctx().db.query(`DELETE FROM ${table}`);
      markRulesChanged();
    });

    describe('score rules', () => {
      it('raises one alert per matching submission, due now while the store is open', async () => {
        await addRule(ctx(), { id: 'low-score', kind: 'score', name: 'Unhappy customer', scope: { region: 'emea-north' }, when: { minScoreAtMost: 2 } });
        const low = await insertSubmission(ctx().db, { at: '2026-11-23T09:58:00Z', minScore: 1 });
        const fine = await insertSubmission(ctx().db, { at: '2026-11-23T09:59:00Z', minScore: 4 });
        await evaluateAlerts(ctx(), [low, fine]);
        const rows = await deliveries(ctx().db);
        assert.equal(rows.length, 1);
        assert.equal(rows[0]?.status, 'pending');
        assert.equal(iso(rows[0]?.next_attempt_at), '2026-11-23T10:00:00.000Z');
        const body = JSON.parse(rows[0]?.body ?? '{}') as Record<string, unknown>;
        assert.equal(body.type, 'storevoice.alert');
        assert.deepEqual(body.rule, { id: 'low-score', kind: 'score', name: 'Unhappy customer' });
        assert.deepEqual([body.brand, body.region, body.store, body.storeName], ['acme', 'emea-north', '042', 'Store 042']);
        assert.deepEqual(body.submissions, [low.body]);
        assert.equal(body.createdAt, '2026-11-23T10:00:00.000Z');
      });

      it('only alerts within its scope', async () => {
        await addRule(ctx(), { id: 'north', kind: 'score', scope: { region: 'emea-north' }, when: { minScoreAtMost: 2 } });
        await addRule(ctx(), { id: 'store-201', kind: 'score', scope: { store: '201' }, when: { npsAtMost: 6 } });
        const subs = [
          await insertSubmission(ctx().db, { at: '2026-11-23T09:00:00Z', store: '043', minScore: 2 }), // north
          await insertSubmission(ctx().db, { at: '2026-11-23T09:00:00Z', store: '201', minScore: 1, nps: 9 }), // south, not a detractor
          await insertSubmission(ctx().db, { at: '2026-11-23T09:00:00Z', store: '201', nps: 3 }), // store-201
        ];
        await evaluateAlerts(ctx(), subs);
        assert.deepEqual((await deliveries(ctx().db)).map((d) => [d.rule_id, submissionIdsOf(d)[0]]).sort(), [
          ['north', subs[0]?.id],
          ['store-201', subs[2]?.id],
        ]);
      });

      it('matches a kiosk tag such as managerRequested', async () => {
        await addRule(ctx(), { id: 'manager', kind: 'score', when: { tag: { managerRequested: true } } });
        const asked = await insertSubmission(ctx().db, { at: '2026-11-23T09:00:00Z', minScore: 5, tags: { managerRequested: true } });
        const other = await insertSubmission(ctx().db, { at: '2026-11-23T09:00:00Z', minScore: 1, tags: { lane: 2 } });
        await evaluateAlerts(ctx(), [asked, other]);
        assert.deepEqual((await deliveries(ctx().db)).map(submissionIdsOf), [[asked.id]]);
      });

      it('is idempotent: the same submissions evaluated again, or concurrently, raise one alert', async () => {
        await addRule(ctx(), { id: 'low-score', kind: 'score', when: { minScoreAtMost: 2 } });
        const low = await insertSubmission(ctx().db, { at: '2026-11-23T09:58:00Z', minScore: 1 });
        await evaluateAlerts(ctx(), [low]);
        await evaluateAlerts(ctx(), [low]);
        await Promise.all([evaluateAlerts(ctx(), [low]), evaluateAlerts(ctx(), [low])]);
        assert.equal((await deliveries(ctx().db)).length, 1);
      });

      it('raises nothing for feedback older than maxAgeMinutes (a kiosk back from an outage), unless the rule allows it', async () => {
        await addRule(ctx(), { id: 'fresh-only', kind: 'score', when: { minScoreAtMost: 2 } });
        await addRule(ctx(), { id: 'patient', kind: 'score', when: { minScoreAtMost: 2 }, maxAgeMinutes: 600 });
        const twoMinutesAgo = await insertSubmission(ctx().db, { at: '2026-11-23T09:58:00Z', minScore: 1 });
        const threeHoursAgo = await insertSubmission(ctx().db, { at: '2026-11-23T07:00:00Z', minScore: 1 });
        await evaluateAlerts(ctx(), [twoMinutesAgo, threeHoursAgo]);
        const raised = (await deliveries(ctx().db)).map((d) => [d.rule_id, submissionIdsOf(d)[0]]).sort();
        assert.deepEqual(raised, [
          ['fresh-only', twoMinutesAgo.id],
          ['patient', threeHoursAgo.id],
          ['patient', twoMinutesAgo.id],
        ].sort());
      });

      it('ignores disabled rules and other brands', async () => {
        await addRule(ctx(), { id: 'off', kind: 'score', when: { minScoreAtMost: 2 }, enabled: false });
        await addRule(ctx(), { id: 'other-brand', kind: 'score', brand: 'globex', when: { minScoreAtMost: 2 } });
        await evaluateAlerts(ctx(), [await insertSubmission(ctx().db, { at: '2026-11-23T09:58:00Z', minScore: 1 })]);
        assert.equal((await deliveries(ctx().db)).length, 0);
      });
    });

    describe('burst rules', () => {
      const burst = { id: 'burst', kind: 'burst' as const, count: 3, withinMinutes: 30, when: { minScoreAtMost: 2 } };
      /** Submissions arriving one by one, each evaluated as ingest would. */
      async function arrive(...specs: Array<{ at: string; minScore?: number; store?: string }>) {
        const out = [];
        for (const spec of specs) {
          const s = await insertSubmission(ctx().db, { minScore: 1, ...spec });
          await evaluateAlerts(ctx(), [s]);
          out.push(s);
        }
        return out;
      }

      it('fires once for 3 negatives within 30 minutes, not again for a 4th in the same window', async () => {
        await addRule(ctx(), burst);
        const subs = await arrive({ at: '2026-11-23T09:00:00Z' }, { at: '2026-11-23T09:10:00Z' }, { at: '2026-11-23T09:05:00Z', minScore: 5 }, { at: '2026-11-23T09:20:00Z' }, { at: '2026-11-23T09:25:00Z' });
        const rows = await deliveries(ctx().db);
        assert.equal(rows.length, 1);
        assert.deepEqual(submissionIdsOf(rows[0]!), [subs[0]?.id, subs[1]?.id, subs[3]?.id]);
        const body = JSON.parse(rows[0]!.body) as { window: unknown };
        assert.deepEqual(body.window, { start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T09:30:00.000Z', timeZone: 'Europe/Stockholm' });
      });

      it('does not fire for 2, nor for 3 spread over more than 30 minutes', async () => {
        await addRule(ctx(), burst);
        await arrive({ at: '2026-11-23T09:00:00Z' }, { at: '2026-11-23T09:20:00Z' }, { at: '2026-11-23T09:31:00Z', store: '043' }, { at: '2026-11-23T09:35:00Z' });
        assert.equal((await deliveries(ctx().db)).length, 0);
      });

      it('fires again once the window has passed', async () => {
        await addRule(ctx(), burst);
        await arrive({ at: '2026-11-23T09:00:00Z' }, { at: '2026-11-23T09:05:00Z' }, { at: '2026-11-23T09:10:00Z' }, { at: '2026-11-23T09:30:00Z' }, { at: '2026-11-23T09:31:00Z' }, { at: '2026-11-23T09:32:00Z' });
        assert.equal((await deliveries(ctx().db)).length, 2);
      });

      it('counts per store', async () => {
        await addRule(ctx(), burst);
        await arrive({ at: '2026-11-23T09:00:00Z' }, { at: '2026-11-23T09:05:00Z', store: '043' }, { at: '2026-11-23T09:10:00Z' });
        assert.equal((await deliveries(ctx().db)).length, 0);
      });

      it('does not span the closing: 19:45, 19:55 and 20:05 store time raise nothing where the store closes at 20:00', async () => {
        await addRule(ctx(), burst);
        // 18:45Z = 19:45 CET. Store 042 closes at 20:00; 043 (always open) gets the same times.
        const times = ['2026-11-23T18:45:00Z', '2026-11-23T18:55:00Z', '2026-11-23T19:05:00Z'];
        clock.set('2026-11-23T19:06:00Z');
        await arrive(...times.map((at) => ({ at })));
        assert.equal((await deliveries(ctx().db)).length, 0);
        await arrive(...times.map((at) => ({ at, store: '043' })));
        assert.deepEqual((await deliveries(ctx().db)).map((d) => JSON.parse(d.body).store as string), ['043']);
      });

      it('raises one alert when two ingests finish together (two kiosks, two instances)', async () => {
        await addRule(ctx(), burst);
        const a = await insertSubmission(ctx().db, { at: '2026-11-23T09:00:00Z', minScore: 1 });
        await evaluateAlerts(ctx(), [a]);
        const b = await insertSubmission(ctx().db, { at: '2026-11-23T09:01:00Z', minScore: 1 });
        const c = await insertSubmission(ctx().db, { at: '2026-11-23T09:02:00Z', minScore: 1 });
        await Promise.all([evaluateAlerts(ctx(), [b]), evaluateAlerts(ctx(), [c]), evaluateAlerts(ctx(), [b, c])]);
        assert.equal((await deliveries(ctx().db)).length, 1);
      });

      it('does not alert again for a late submission inside a window that fired', async () => {
        await addRule(ctx(), burst);
        await arrive({ at: '2026-11-23T09:00:00Z' }, { at: '2026-11-23T09:05:00Z' }, { at: '2026-11-23T09:10:00Z' });
        // An offline kiosk sends one from 08:58 an hour later: with it, 08:58 would start a window.
        await arrive({ at: '2026-11-23T08:58:00Z' }, { at: '2026-11-23T09:12:00Z' });
        assert.equal((await deliveries(ctx().db)).length, 1);
      });
    });

    describe('opening hours and time zones', () => {
      it('holds an alert raised while the store is closed and sends it when the store opens', async () => {
        const receiver = await startReceiver();
        try {
          await addRule(ctx(), { id: 'low-score', kind: 'score', when: { minScoreAtMost: 2 } }, receiver.url);
          // Sunday 29 November 15:00 CET: store 042 is closed on Sundays.
          clock.set('2026-11-29T14:00:00Z');
          await evaluateAlerts(ctx(), [await insertSubmission(ctx().db, { at: '2026-11-29T13:59:00Z', minScore: 1 })]);
          let [row] = await deliveries(ctx().db);
          assert.equal(row?.status, 'held');
          assert.equal(iso(row?.next_attempt_at), '2026-11-30T08:00:00.000Z'); // Monday 09:00 CET
          clock.set('2026-11-30T07:59:59Z');
          assert.equal((await runDueDeliveries(ctx())).attempted, 0);
          assert.equal(receiver.requests.length, 0);
          clock.set('2026-11-30T08:00:00Z');
          assert.deepEqual(await runDueDeliveries(ctx()), { attempted: 1, succeeded: 1, retrying: 0, failed: 0 });
          assert.equal(receiver.requests.length, 1);
          [row] = await deliveries(ctx().db);
          assert.equal(row?.status, 'succeeded');
        } finally {
          await receiver.close();
        }
      });

      it('holds until the opening in store time across a DST change (Stockholm and New York)', async () => {
        await addRule(ctx(), { id: 'low-score', kind: 'score', when: { minScoreAtMost: 2 } });
        // Saturday 28 March 2026 21:00 CET (closed) → Monday 30 March 09:00 CEST = 07:00Z, not 08:00Z.
        clock.set('2026-03-28T20:00:00Z');
        await evaluateAlerts(ctx(), [await insertSubmission(ctx().db, { at: '2026-03-28T19:59:00Z', minScore: 1 })]);
        // New York, Sunday 8 March 2026 00:30 EST (closed) → 10:00 EDT = 14:00Z, not 15:00Z.
        clock.set('2026-03-08T05:30:00Z');
        await evaluateAlerts(ctx(), [await insertSubmission(ctx().db, { at: '2026-03-08T05:29:00Z', store: '107', minScore: 1 })]);
        const rows = await deliveries(ctx().db);
        assert.deepEqual(rows.map((r) => [r.status, iso(r.next_attempt_at)]).sort(), [
          ['held', '2026-03-08T14:00:00.000Z'],
          ['held', '2026-03-30T07:00:00.000Z'],
        ]);
      });

      it('sends at once with outsideHours "send", and logs a dropped alert with "drop"', async () => {
        await addRule(ctx(), { id: 'send', kind: 'score', when: { minScoreAtMost: 2 }, outsideHours: 'send' });
        await addRule(ctx(), { id: 'drop', kind: 'score', when: { minScoreAtMost: 2 }, outsideHours: 'drop' });
        clock.set('2026-11-29T14:00:00Z');
        await evaluateAlerts(ctx(), [await insertSubmission(ctx().db, { at: '2026-11-29T13:59:00Z', minScore: 1 })]);
        const log = await listDeliveries(ctx().db);
        const byRule = Object.fromEntries(log.map((d) => [d.ruleId, d]));
        assert.equal(byRule.send?.status, 'pending');
        assert.equal(byRule.send?.nextAttemptAt, '2026-11-29T14:00:00.000Z');
        assert.equal(byRule.drop?.status, 'dropped');
        assert.equal(byRule.drop?.nextAttemptAt, null);
        assert.match(byRule.drop?.lastError ?? '', /closed.*drop/);
        clock.advance(7 * 24 * 60 * MIN);
        assert.equal((await listDeliveries(ctx().db, { status: 'dropped' })).length, 1);
      });

      it('treats a store missing from the hierarchy as always open', async () => {
        await addRule(ctx(), { id: 'low-score', kind: 'score', when: { minScoreAtMost: 2 } });
        clock.set('2026-11-29T14:00:00Z');
        await evaluateAlerts(ctx(), [await insertSubmission(ctx().db, { at: '2026-11-29T13:59:00Z', store: '999', minScore: 1 })]);
        assert.equal((await deliveries(ctx().db))[0]?.status, 'pending');
      });
    });
  });
}
