// The pulse page's routes without a login are rate limited (demo/server/pulse/rate-limits.ts): per
// client address like ingest, and a store's ideas per hour, whichever key its link carries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rotatePulseKey } from '../../../demo/server/pulse/keys.js';
import { clockAt, startCasesWorld, type CasesWorld } from '../cases/fixtures.js';
import { databaseTargets } from '../support/databases.js';

const HOUR = 3_600_000;

for (const target of databaseTargets) {
  describe(`pulse page rate limits (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-04T12:00:00Z');
    let world: CasesWorld;
    before(async () => {
      world = await startCasesWorld(target, clock, { RATE_LIMIT_PER_MINUTE: 60, RATE_LIMIT_BURST: 3, PULSE_IDEAS_PER_HOUR: 2 });
      for (const [store, key] of [['n1', 'pk_pulse_n1'], ['n2', 'pk_pulse_n2']] as const) {
        await world.collector.ctx.db.transaction((tx) => rotatePulseKey(tx, 'acme', store, clock.now, key));
      }
    });
    after(() => world.collector.close());

    const session = (key: string) => fetch(`${world.collector.url}/v1/pulse/session`, { headers: { authorization: `Bearer ${key}` } });
    // A second between ideas: the address bucket (3 at once, then one a second) is not what these test.
    const idea = (key: string, text: string) => {
      clock.advance(1_000);
      return fetch(`${world.collector.url}/v1/ideas/pulse`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    };

    it('answers 429 with Retry-After once an address spent its burst on the session, whatever keys it tries', async () => {
      const statuses = [];
      for (const key of ['pk_pulse_n1', 'pk_pulse_guess1', 'pk_pulse_guess2', 'pk_pulse_n1']) statuses.push((await session(key)).status);
      assert.deepEqual(statuses, [200, 401, 401, 429], 'three requests, then the fourth is refused before its key is looked up');
      const refused = await session('pk_pulse_n2');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '1', 'a token comes back every second at 60 a minute');
      assert.match(((await refused.json()) as { message: string }).message, /Too many requests from this address; retry in 1 s/);
      clock.advance(1_000);
      assert.equal((await session('pk_pulse_n2')).status, 200, 'and is served again once a token came back');
    });

    it("limits a store's ideas per hour, not per key: rotating the link does not refill it, and other stores keep theirs", async () => {
      clock.advance(60_000); // a full address bucket again
      assert.equal((await idea('pk_pulse_n1', 'Water fountain')).status, 201);
      assert.equal((await idea('pk_pulse_n1', 'Later breaks')).status, 201);
      await world.collector.ctx.db.transaction((tx) => rotatePulseKey(tx, 'acme', 'n1', clock.now, 'pk_pulse_n1b'));
      const third = await idea('pk_pulse_n1b', 'A third one');
      assert.equal(third.status, 429);
      // One idea comes back every half hour at 2 an hour; the bucket refilled for the 2 s since the first.
      assert.equal(third.headers.get('retry-after'), '1798');
      assert.match(((await third.json()) as { message: string }).message, /Too many ideas from this store's pulse link this hour/);
      assert.equal((await idea('pk_pulse_n2', 'Fresh coffee')).status, 201, 'store n2 has its own bucket');
      const stored = await world.collector.ctx.db.query<{ text: string }>("SELECT text FROM ideas WHERE store_id = 'n1' ORDER BY text");
      assert.deepEqual(stored.map((r) => r.text), ['Later breaks', 'Water fountain'], 'the refused idea was not stored');
      clock.advance(1_798_000 - 2_000);
      assert.equal((await idea('pk_pulse_n1b', 'A third one')).status, 201, 'after the Retry-After it gave, one more is taken');
    });

    it('spends none of the hour on an idea it refuses as malformed', async () => {
      clock.advance(HOUR);
      assert.equal((await idea('pk_pulse_n2', '   ')).status, 400);
      assert.equal((await idea('pk_pulse_n2', '')).status, 400);
      assert.equal((await idea('pk_pulse_n2', 'One')).status, 201);
      assert.equal((await idea('pk_pulse_n2', 'Two')).status, 201);
    });
  });
}
