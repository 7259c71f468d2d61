import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkDrops, runDueDeliveries } from '../../../demo/server/alerts/index.js';
import { clockAt, feedback, getJson, ingest, nps, startCasesWorld, type CasesWorld } from '../cases/fixtures.js';
import { databaseTargets } from '../support/databases.js';
import { startReceiver } from './support/receiver.js';

const DAY = 86_400_000;
type Alerts = { alerts: Array<{ kind: string; storeId: string | null; summary: { metric?: string; previous?: number | null; current?: number | null; change?: number | null } }> };

for (const target of databaseTargets) {
  describe(`drop alerts: a store whose score falls beyond the brand's threshold (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-28T12:00:00Z');
    let world: CasesWorld;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    /** `count` NPS answers of `value` at `store`, given `daysAgo` days before the clock. */
    const answers = (store: 'n1' | 'n2', value: number, count: number, daysAgo: number) =>
      Array.from({ length: count }, (_, i) => feedback(store, [nps(value)], { at: new Date(clock.now.getTime() - daysAgo * DAY + i * 60_000) }));

    before(async () => {
      receiver = await startReceiver();
      world = await startCasesWorld(target, clock, { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', ALERT_WORKER_INTERVAL_MS: 0, DROP_CHECK_INTERVAL_MS: 0 });
      // n1: promoters two to four weeks ago, detractors in the last two (NPS +100 → −100);
      // n2: promoters throughout.
      await ingest(world, ...answers('n1', 10, 5, 20), ...answers('n2', 10, 5, 20));
      await ingest(world, ...answers('n1', 0, 5, 5), ...answers('n2', 9, 5, 5));
      const res = await fetch(`${world.collector.url}/v1/alert-rules`, {
        method: 'POST',
        headers: { cookie: world.sessions.north.cookie, 'x-csrf-token': world.sessions.north.csrf, origin: world.collector.url, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'drop', scope: { region: 'north' }, outsideHours: 'send', webhook: { url: receiver.url, secret: 'whsec_0123456789abcdef' } }),
      });
      assert.equal(res.status, 201, await res.text());
    });
    after(async () => {
      await world.collector.close();
      await receiver.close();
    });

    it('raises one alert per store and drop episode, even when two instances check at once', async () => {
      const [a, b] = await Promise.all([checkDrops(world.collector.ctx), checkDrops(world.collector.ctx)]);
      assert.deepEqual([...a.raised, ...b.raised], ['n1']);
      assert.deepEqual((await checkDrops(world.collector.ctx)).raised, [], 'the same episode raises nothing more');
      const n1 = await getJson<Alerts>(world, 'n1', '/v1/alerts');
      const drops = n1.alerts.filter((x) => x.kind === 'drop');
      assert.equal(drops.length, 1);
      assert.deepEqual([drops[0]?.summary.metric, drops[0]?.summary.previous, drops[0]?.summary.current, drops[0]?.summary.change], ['nps', 100, -100, -200]);
      assert.equal((await getJson<Alerts>(world, 'north', '/v1/alerts')).alerts.filter((x) => x.kind === 'drop').length, 1, "the store's region sees it");
      assert.equal((await getJson<Alerts>(world, 'n2', '/v1/alerts')).alerts.filter((x) => x.kind === 'drop').length, 0);
      assert.equal((await getJson<Alerts>(world, 'south', '/v1/alerts')).alerts.filter((x) => x.kind === 'drop').length, 0);
      await runDueDeliveries(world.collector.ctx);
      const sent = receiver.requests.map((r) => JSON.parse(r.body) as { kind?: string; store?: string });
      assert.deepEqual(sent.filter((p) => p.kind === 'drop').map((p) => p.store), ['n1'], "a drop rule's webhook gets it");
    });

    it('ends the episode when the store recovers, and a new drop raises a new alert', async () => {
      // 95 promoters beside the 5 detractors: NPS +90 against +100, a fall of 10, within the threshold.
      await ingest(world, ...answers('n1', 10, 95, 3));
      assert.deepEqual((await checkDrops(world.collector.ctx)).recovered, ['n1']);
      // Ten more detractors: NPS about +73, a fall of 27 again: a new episode.
      await ingest(world, ...answers('n1', 0, 10, 1));
      assert.deepEqual((await checkDrops(world.collector.ctx)).raised, ['n1']);
      assert.equal((await getJson<Alerts>(world, 'n1', '/v1/alerts')).alerts.filter((x) => x.kind === 'drop').length, 2);
    });

    it('follows the brand settings: switched off, nothing is checked', async () => {
      const res = await fetch(`${world.collector.url}/v1/settings`, {
        method: 'PUT',
        headers: { cookie: world.sessions.corporate.cookie, 'x-csrf-token': world.sessions.corporate.csrf, origin: world.collector.url, 'content-type': 'application/json' },
        body: JSON.stringify({ alerts: { drop: { enabled: false } } }),
      });
      assert.equal(res.status, 200, await res.text());
      await world.collector.ctx.db.query('UPDATE store_drop_episodes SET ended_at = now()');
      assert.deepEqual(await checkDrops(world.collector.ctx), { raised: [], recovered: [] });
    });
  });
}
