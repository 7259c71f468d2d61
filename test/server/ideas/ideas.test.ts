import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { escalateOverdueIdeas, type Idea, type IdeaMetricsResponse } from '../../../demo/server/ideas/index.js';
import { clockAt } from '../cases/fixtures.js';
import { databaseTargets } from '../support/databases.js';
import { ideasOf, json, pulseIdea, relogin, request, startIdeasWorld, type IdeasWorld } from './fixtures.js';

const DAY = 86_400_000;

for (const target of databaseTargets) {
  describe(`ideas upward (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-02T09:13:27Z');
    let world: IdeasWorld;
    before(async () => {
      world = await startIdeasWorld(target, clock);
    });
    after(() => world.collector.close());

    it('takes an anonymous idea from the pulse page with the store of its pulse key, and stores no author', async () => {
      const { idea } = await json<{ idea: Idea }>(await pulseIdea(world, 'pk_pulse_n1', { text: 'A bench in the break room' }), 201);
      // Due at the first midnight (UTC) at least 7 days on, never at the minute it was written.
      assert.deepEqual([idea.storeId, idea.regionId, idea.status, idea.signedBy, idea.createdOn, idea.dueOn], ['n1', 'north', 'new', null, '2026-03-02', '2026-03-10']);
      const [due] = await world.collector.ctx.db.query<{ due_at: Date }>('SELECT due_at FROM ideas WHERE id = $1', [idea.id]);
      assert.equal(due!.due_at.toISOString(), '2026-03-10T00:00:00.000Z');
      assert.notEqual(idea.id[14], '7', 'a random id, not a UUID v7 that carries the time');
      const [row] = await world.collector.ctx.db.query<Record<string, unknown>>('SELECT * FROM ideas WHERE id = $1', [idea.id]);
      assert.deepEqual([row!['signed_staff_id'], row!['signed_name']], [null, null]);
    });

    it('refuses a pulse idea without a key, with an unknown key, or with bad input, naming the field', async () => {
      const none = await fetch(`${world.collector.url}/v1/ideas/pulse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
      assert.equal(none.status, 401);
      assert.equal((await pulseIdea(world, 'pk_cases', { text: 'x' })).status, 401, 'the customer write key is not a pulse key');
      const byQuery = await fetch(`${world.collector.url}/v1/ideas/pulse?key=pk_pulse_n2`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"Key in the address"}' });
      assert.equal((await json<{ idea: Idea }>(byQuery, 201)).idea.storeId, 'n2', 'the key may also come as ?key=, as ingest accepts it');
      await world.collector.ctx.db.query("DELETE FROM ideas WHERE text = 'Key in the address'");
      const empty = await json<{ message: string }>(await pulseIdea(world, 'pk_pulse_n1', { text: '   ' }), 400);
      assert.match(empty.message, /text: must not be empty/);
      const long = await json<{ message: string }>(await pulseIdea(world, 'pk_pulse_n1', { text: 'x'.repeat(2001) }), 400);
      assert.match(long.message, /text: .*2000 characters/);
      const extra = await json<{ message: string }>(await pulseIdea(world, 'pk_pulse_n1', { text: 'ok', store: 'n2' }), 400);
      assert.match(extra.message, /store/);
    });

    it('takes an idea from a staff member logged in, anonymous by default, signed on request', async () => {
      const anonymous = await json<{ idea: Idea }>(await request(world, 'ann', 'POST', '/v1/ideas', { text: 'Music a bit quieter' }), 201);
      assert.deepEqual([anonymous.idea.storeId, anonymous.idea.signedBy], ['n1', null]);
      const signed = await json<{ idea: Idea }>(await request(world, 'ann', 'POST', '/v1/ideas', { text: 'Self-checkout by the door', signed: true }), 201);
      assert.equal(signed.idea.signedBy, 'Ann Lee');
      assert.equal((await request(world, 'n1', 'POST', '/v1/ideas', { text: 'From a manager' })).status, 403, 'managers answer ideas, they do not file them here');
      const csrf = await fetch(`${world.collector.url}/v1/ideas`, { method: 'POST', headers: { cookie: world.sessions.ann.cookie, 'content-type': 'application/json', origin: world.collector.url }, body: '{"text":"x"}' });
      assert.equal(csrf.status, 403, 'CSRF-checked');
    });

    it("shows staff their store's ideas with status and reply, never who proposed an unsigned one, dated by day", async () => {
      const res = await request(world, 'ann', 'GET', '/v1/ideas');
      const text = await res.clone().text();
      const ideas = (await json<{ ideas: Idea[]; canAnswer: boolean }>(res));
      assert.equal(ideas.canAnswer, false);
      assert.deepEqual(ideas.ideas.map((i) => i.text).sort(), ['A bench in the break room', 'Music a bit quieter', 'Self-checkout by the door']);
      assert.ok(ideas.ideas.every((i) => i.version === null));
      assert.ok(!text.includes('ann') && !text.includes('09:13'), 'no staff id, no time of day');
      assert.deepEqual(ideas.ideas.filter((i) => i.signedBy !== null).map((i) => i.signedBy), ['Ann Lee']);
      assert.deepEqual(await ideasOf(world, 'cat'), [], "n2's staff see nothing of n1");
      assert.equal((await request(world, 'cat', 'GET', '/v1/ideas?store=n1')).status, 403);
      assert.equal((await request(world, 'ann', 'GET', '/v1/ideas?stat=new')).status, 400, 'an unknown parameter is named, not ignored');
    });

    it('goes to the store manager at once, not to the region nor another store', async () => {
      assert.equal((await ideasOf(world, 'n1')).length, 3);
      assert.deepEqual(await ideasOf(world, 'n2'), []);
      assert.deepEqual(await ideasOf(world, 'north'), [], 'the region sees an idea only once it escalated');
      assert.deepEqual(await ideasOf(world, 'corporate'), []);
      assert.deepEqual(await ideasOf(world, 'other'), []);
      assert.equal((await request(world, 'n2', 'GET', '/v1/ideas?store=n1')).status, 403);
    });

    it('lets the store manager answer; another store, staff and stale versions cannot', async () => {
      const [idea] = (await ideasOf(world, 'n1')).filter((i) => i.text === 'Music a bit quieter');
      const path = `/v1/ideas/${idea!.id}`;
      assert.equal((await request(world, 'n2', 'PATCH', path, { version: 1, status: 'planned' })).status, 404, "another store's manager: as if it did not exist");
      assert.equal((await request(world, 'south', 'PATCH', path, { version: 1, status: 'planned' })).status, 404);
      assert.equal((await request(world, 'ann', 'PATCH', path, { version: 1, status: 'done' })).status, 403);
      assert.equal((await request(world, 'cat', 'PATCH', path, { version: 1, status: 'done' })).status, 403);
      assert.equal((await request(world, 'other', 'PATCH', path, { version: 1, status: 'done' })).status, 404);
      const noReason = await json<{ message: string }>(await request(world, 'n1', 'PATCH', path, { version: 1, status: 'not_now' }), 400);
      assert.match(noReason.message, /reply: is required with "not_now"/);
      assert.match((await json<{ message: string }>(await request(world, 'n1', 'PATCH', path, { version: 1, status: 'maybe' }), 400)).message, /status/);
      clock.advance(DAY);
      await relogin(world);
      const planned = await json<{ idea: Idea }>(await request(world, 'n1', 'PATCH', path, { version: 1, status: 'planned', reply: 'New playlist from Monday' }));
      assert.deepEqual([planned.idea.status, planned.idea.reply, planned.idea.answeredOn, planned.idea.version], ['planned', 'New playlist from Monday', '2026-03-03', 2]);
      assert.equal((await request(world, 'n1', 'PATCH', path, { version: 1, status: 'done' })).status, 409);
      const back = (await ideasOf(world, 'ann')).find((i) => i.id === idea!.id)!;
      assert.deepEqual([back.status, back.reply], ['planned', 'New playlist from Monday'], 'you said, we did');
    });

    it('escalates an unanswered idea to the region exactly once after the brand setting, never an answered one', async () => {
      clock.now = new Date('2026-03-09T23:59:59Z');
      assert.deepEqual(await escalateOverdueIdeas(world.collector.ctx), [], 'not before its due time');
      clock.advance(1000);
      await relogin(world);
      const [first, second] = await Promise.all([escalateOverdueIdeas(world.collector.ctx), escalateOverdueIdeas(world.collector.ctx)]);
      const escalated = [...first!, ...second!];
      assert.equal(escalated.length, 2, 'the two unanswered ideas of n1, each once across two concurrent runs');
      assert.equal(new Set(escalated.map((i) => i.id)).size, 2);
      assert.deepEqual(await escalateOverdueIdeas(world.collector.ctx), [], 'exactly once');
      const north = await ideasOf(world, 'north');
      assert.deepEqual(north.map((i) => i.text).sort(), ['A bench in the break room', 'Self-checkout by the door']);
      assert.ok(north.every((i) => i.escalated && i.status === 'new'));
      assert.ok(!north.some((i) => i.text === 'Music a bit quieter'), 'answered in time: stays at the store');
      assert.deepEqual(await ideasOf(world, 'south'), []);
      assert.equal((await ideasOf(world, 'corporate')).length, north.length);
      const answered = await json<{ idea: Idea }>(await request(world, 'north', 'PATCH', `/v1/ideas/${north[0]!.id}`, { version: north[0]!.version, status: 'not_now', reply: 'Not this year: budget' }));
      assert.equal(answered.idea.status, 'not_now');
      const back = (await ideasOf(world, 'ann')).find((i) => i.id === north[0]!.id)!;
      assert.deepEqual([back.status, back.reply, back.escalated], ['not_now', 'Not this year: budget', true]);
    });

    it('honours the brand setting for the escalation time', async () => {
      const put = await fetch(`${world.collector.url}/v1/settings`, {
        method: 'PUT',
        headers: { cookie: world.sessions.corporate.cookie, 'x-csrf-token': world.sessions.corporate.csrf, origin: world.collector.url, 'content-type': 'application/json' },
        body: JSON.stringify({ ideas: { escalateAfterDays: 2 } }),
      });
      assert.equal(put.status, 200, await put.clone().text());
      const { idea } = await json<{ idea: Idea }>(await pulseIdea(world, 'pk_pulse_n2', { text: 'Longer lunch break', name: 'Cat' }), 201);
      assert.equal(idea.signedBy, 'Cat');
      clock.advance(2 * DAY);
      assert.deepEqual(await escalateOverdueIdeas(world.collector.ctx), [], 'two days later, but not yet the midnight after');
      clock.advance(DAY);
      await relogin(world);
      assert.deepEqual((await escalateOverdueIdeas(world.collector.ctx)).map((i) => i.id), [idea.id]);
      const bad = await fetch(`${world.collector.url}/v1/settings`, {
        method: 'PUT',
        headers: { cookie: world.sessions.corporate.cookie, 'x-csrf-token': world.sessions.corporate.csrf, origin: world.collector.url, 'content-type': 'application/json' },
        body: JSON.stringify({ ideas: { escalateAfterDays: 0 } }),
      });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /ideas\.escalateAfterDays/);
    });

    it('shows managers idea volume and response rates per region and store, and not to staff', async () => {
      const stores = await json<IdeaMetricsResponse>(await request(world, 'corporate', 'GET', '/v1/ideas/metrics?from=2026-03-01&to=2026-03-31'));
      const byId = Object.fromEntries(stores.groups.map((g) => [g.id, g]));
      assert.deepEqual(stores.groups.map((g) => g.id), ['n1', 'n2', 's1'], 'every store, by name, also one without ideas');
      assert.deepEqual([byId['n1']!.submitted, byId['n1']!.answered, byId['n1']!.answeredInTime, byId['n1']!.escalated], [3, 2, 1, 2]);
      assert.equal(byId['n1']!.responseRate, 2 / 3);
      assert.deepEqual([byId['n2']!.submitted, byId['n2']!.answered, byId['n2']!.responseRate], [1, 0, 0]);
      assert.deepEqual([byId['s1']!.submitted, byId['s1']!.responseRate], [0, null]);
      const regions = await json<IdeaMetricsResponse>(await request(world, 'corporate', 'GET', '/v1/ideas/metrics?level=region&from=2026-03-01&to=2026-03-31'));
      assert.deepEqual(regions.groups.map((g) => [g.id, g.submitted, g.answered]), [['north', 4, 2], ['south', 0, 0]]);
      assert.deepEqual([regions.total.submitted, regions.total.byStatus['planned'], regions.total.byStatus['not_now']], [4, 1, 1]);
      const north = await json<IdeaMetricsResponse>(await request(world, 'north', 'GET', '/v1/ideas/metrics?from=2026-03-01&to=2026-03-31'));
      assert.deepEqual(north.groups.map((g) => g.id), ['n1', 'n2']);
      assert.equal((await request(world, 'north', 'GET', '/v1/ideas/metrics?region=south')).status, 403);
      assert.equal((await request(world, 'n2', 'GET', '/v1/ideas/metrics?store=n1')).status, 403);
      assert.equal((await request(world, 'ann', 'GET', '/v1/ideas/metrics')).status, 403);
      assert.equal((await request(world, 'corporate', 'GET', '/v1/ideas/metrics?from=2026-04-01&to=2026-03-01')).status, 400);
    });
  });
}
