import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { listDeliveries, runDueDeliveries } from '../../../demo/server/alerts/index.js';
import { drainAfterIngest } from '../../../demo/server/ingest/hooks.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { addRule, SECRET, seedHierarchy, testClock } from './support/fixtures.js';
import { startReceiver } from './support/receiver.js';
import { loadDocumentedVerifier } from './support/doc-snippet.js';

const WRITE_KEY = 'pk_alerts_e2e';

for (const target of databaseTargets) {
  describe(`alerts end to end (${target.name})`, { skip: target.skip }, () => {
    const clock = testClock('2026-11-23T10:00:00Z');
    let collector: Collector;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    before(async () => {
      collector = await startTestCollector(target, { ALERT_WORKER_INTERVAL_MS: 0, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }, { now: clock.now });
      await seedHierarchy(collector.ctx.db);
      await collector.ctx.db.query("INSERT INTO write_keys (key, brand_id) VALUES ($1, 'acme')", [WRITE_KEY]);
      receiver = await startReceiver();
    });
    after(async () => {
      await receiver.close();
      await collector.close();
    });

    it('turns a low score posted to /v1/submissions into one signed webhook, even when posted twice', async () => {
      await addRule(collector.ctx, { id: 'low-score', kind: 'score', scope: { region: 'emea-north' }, when: { minScoreAtMost: 2 } }, receiver.url);
      const submission = {
        id: randomUUID(),
        schemaVersion: 1,
        surveyId: 'post-visit',
        createdAt: '2026-11-23T09:59:00.000Z',
        context: { channel: 'kiosk', brand: 'acme', region: 'emea-north', store: '042', tags: { managerRequested: true } },
        answers: [{ questionId: 'mood', type: 'smiley', value: 1 }],
      };
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${collector.url}/v1/submissions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${WRITE_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify(submission),
        });
        assert.equal(res.status, 202);
        await drainAfterIngest(collector.ctx);
      }
      assert.deepEqual(await runDueDeliveries(collector.ctx), { attempted: 1, succeeded: 1, retrying: 0, failed: 0 });
      assert.equal(receiver.requests.length, 1);
      const [request] = receiver.requests;
      const verify = await loadDocumentedVerifier();
      assert.equal(verify(request!.body, String(request!.headers['storevoice-signature']), SECRET, 300, Math.floor(clock.now().getTime() / 1000)), true);
      const alert = JSON.parse(request!.body) as { store: string; submissions: Array<{ id: string }> };
      assert.equal(alert.store, '042');
      assert.deepEqual(alert.submissions.map((s) => s.id), [submission.id]);
      assert.equal((await listDeliveries(collector.ctx.db))[0]?.status, 'succeeded');
    });
  });
}
