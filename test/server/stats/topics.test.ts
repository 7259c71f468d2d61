import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uuidv7, type Submission } from '../../../sdk/index.js';
import { upsertUser } from '../../../demo/server/auth/index.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import type { Collector } from '../../../demo/server/server.js';
import type { CommentsResponse, TopicsResponse } from '../../../demo/server/stats/types.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, getJson, login, type Session } from './client.js';

/** Topics tagged at ingest, counted per scope with their trend; worked out by hand. */
const NOW = new Date('2026-03-14T18:00:00Z');

function comment(store: string, day: string, text: string, mood: number, locale = 'en-GB', channel: 'kiosk' | 'employee' = 'kiosk'): Submission {
  const at = `${day}T12:00:00.000Z`;
  return {
    id: uuidv7(Date.parse(at)),
    schemaVersion: 1,
    surveyId: 'store-exit',
    createdAt: at,
    context: { channel, brand: 'acme', region: 'north', store, locale },
    answers: [
      { questionId: 'mood', type: 'smiley', value: mood },
      { questionId: 'comment', type: 'text', value: text },
    ],
  };
}

for (const target of databaseTargets) {
  describe(`topics (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let ceo: Session;
    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: 3 }, { now: () => NOW });
      await importHierarchy(collector.ctx, { brands: [{ id: 'acme', name: 'Acme', writeKeys: ['pk_topics'], regions: [{ id: 'north', name: 'North', stores: [{ id: 'n1', name: 'North One', staff: [] }, { id: 'n2', name: 'North Two', staff: [] }] }] }] });
      await upsertUser(collector.ctx, { email: 'ceo@topics.test', password: 'correct horse battery', role: 'corporate', brandId: 'acme', name: 'Chief' });
      await storeSubmissions(collector.ctx, 'acme', [
        // This week (8–14 March).
        comment('n1', '2026-03-09', 'Queue at the till took forever', 1),
        comment('n1', '2026-03-10', 'Long queue and the card terminal was broken', 2),
        comment('n2', '2026-03-11', 'Lång kö i kassan', 2, 'sv-SE'),
        comment('n2', '2026-03-12', 'Friendly staff, short queue', 5),
        comment('n1', '2026-03-12', 'Lovely music', 5),
        // The week before (1–7 March): one queue complaint.
        comment('n1', '2026-03-03', 'Waiting forever in the queue', 1),
        // Pulse at n1, below the minimum of 3: its topics are not shown at n1.
        comment('n1', '2026-03-10', 'The card terminal again', 2, 'en', 'employee'),
      ]);
      ceo = await login(collector.url, 'ceo@topics.test', 'correct horse battery');
    });
    after(() => collector.close());

    it('tags comments on ingest in their own language and counts topics with their trend', async () => {
      const body = await getJson<TopicsResponse>(collector.url, '/v1/stats/topics?from=2026-03-08&to=2026-03-14', ceo);
      assert.deepEqual(body.previous, { from: '2026-03-01', to: '2026-03-07' });
      assert.equal(body.comments, 5);
      assert.deepEqual(
        body.topics.map((t) => [t.id, t.mentions, t.negative, t.previous.mentions]),
        [['queue', 4, 3, 1], ['payment', 1, 1, 0], ['staff', 1, 0, 0]],
      );
      assert.equal(body.topics[0]?.label?.sv, 'Kö');
      assert.deepEqual(body.topics[0]?.weekly, [{ period: '2026-03-09', mentions: 4 }]);
    });

    it("counts a store's topics from its raw rows the same way", async () => {
      const body = await getJson<TopicsResponse>(collector.url, '/v1/stats/topics?from=2026-03-08&to=2026-03-14&store=n1', ceo);
      assert.deepEqual(body.topics.map((t) => [t.id, t.mentions, t.negative]), [['queue', 2, 2], ['payment', 1, 1]]);
    });

    it('withholds the topics of a pulse group below the minimum', async () => {
      const body = await getJson<TopicsResponse>(collector.url, '/v1/stats/topics?from=2026-03-08&to=2026-03-14&store=n1&channel=employee', ceo);
      assert.deepEqual([body.insufficientResponses, body.topics], [true, []]);
    });

    it('lists only the comments of a topic with topic=, each with its topics', async () => {
      const all = await getJson<CommentsResponse>(collector.url, '/v1/stats/comments?from=2026-03-08&to=2026-03-14', ceo);
      assert.equal(all.comments.length, 5);
      const queue = await getJson<CommentsResponse>(collector.url, '/v1/stats/comments?from=2026-03-08&to=2026-03-14&topic=queue', ceo);
      assert.deepEqual(queue.comments.map((c) => c.text), ['Friendly staff, short queue', 'Lång kö i kassan', 'Long queue and the card terminal was broken', 'Queue at the till took forever']);
      assert.deepEqual(queue.comments[2]?.topics, ['payment', 'queue']);
      const payment = await getJson<CommentsResponse>(collector.url, '/v1/stats/comments?from=2026-03-08&to=2026-03-14&store=n1&topic=payment', ceo);
      assert.deepEqual(payment.comments.map((c) => c.text), ['Long queue and the card terminal was broken']);
      const none = await getJson<CommentsResponse>(collector.url, '/v1/stats/comments?from=2026-03-08&to=2026-03-14&topic=fitting-rooms', ceo);
      assert.deepEqual(none.comments, []);
    });

    it('keeps the topic filter under the anonymity rule, and refuses a malformed topic naming it', async () => {
      const pulse = await getJson<CommentsResponse>(collector.url, '/v1/stats/comments?from=2026-03-08&to=2026-03-14&store=n1&channel=employee&topic=payment', ceo);
      assert.deepEqual([pulse.insufficientResponses, pulse.comments], [true, []]);
      const res = await get(collector.url, '/v1/stats/comments?topic=Not%20A%20Topic', ceo);
      assert.equal(res.status, 400);
      const body = (await res.json()) as { issues: Array<{ path: string[] }> };
      assert.deepEqual(body.issues.map((i) => i.path.join('.')), ['topic']);
    });
  });
}
