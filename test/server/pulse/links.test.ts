import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PulseLink, PulseSession } from '../../../demo/server/pulse/routes.js';
import { ADMIN_TOKEN, postSubmissions } from '../support/ingest.js';
import { databaseTargets } from '../support/databases.js';
import { clockAt, feedback, get, getJson, KEY, smiley, text, type CasesWorld, type Who, startCasesWorld } from '../cases/fixtures.js';

/** A dashboard write with the session's CSRF token, as the dashboard sends it. */
function write(world: CasesWorld, who: Who, method: 'POST' | 'DELETE', path: string): Promise<Response> {
  const { cookie, csrf } = world.sessions[who];
  return fetch(`${world.collector.url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrf, origin: world.collector.url } });
}

async function makeLink(world: CasesWorld, who: Who, store: string): Promise<PulseLink> {
  const res = await write(world, who, 'POST', `/v1/pulse/links/${store}`);
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as PulseLink;
}

const pulse = (store: 'n1' | 'n2' | 's1', answers = [smiley(2), text('Short-staffed')]) => feedback(store, answers, { surveyId: 'employee-pulse', context: { channel: 'employee' } });

for (const target of databaseTargets) {
  describe(`pulse links and keys (${target.name})`, { skip: target.skip }, () => {
    // A Wednesday: with the default schedule (every day, weekly) the pulse is open.
    const clock = clockAt('2026-03-04T12:00:00Z');
    let world: CasesWorld;
    before(async () => {
      world = await startCasesWorld(target, clock, { ADMIN_TOKEN });
    });
    after(() => world.collector.close());

    it('lets each manager make, list, rotate and revoke the links of their own stores only; staff none', async () => {
      const made = await makeLink(world, 'n1', 'n1');
      assert.match(made.key!.key, /^pk_pulse_[A-Za-z0-9_-]{22}$/);
      assert.equal(made.url, `${world.collector.url}/pulse/#k=${made.key!.key}`);
      const lists = {
        corporate: await getJson<{ links: PulseLink[] }>(world, 'corporate', '/v1/pulse/links'),
        north: await getJson<{ links: PulseLink[] }>(world, 'north', '/v1/pulse/links'),
        n1: await getJson<{ links: PulseLink[] }>(world, 'n1', '/v1/pulse/links'),
      };
      assert.deepEqual(lists.corporate.links.map((l) => l.store), ['n1', 'n2', 's1']);
      assert.deepEqual(lists.north.links.map((l) => l.store), ['n1', 'n2']);
      assert.deepEqual(lists.n1.links.map((l) => [l.store, l.key?.key]), [['n1', made.key!.key]]);
      assert.equal((await get(world, 'ann', '/v1/pulse/links')).status, 403);
      assert.equal((await write(world, 'n1', 'POST', '/v1/pulse/links/n2')).status, 403, "a store manager cannot make another store's link");
      assert.equal((await write(world, 'north', 'POST', '/v1/pulse/links/s1')).status, 403, 'nor a regional manager outside the region');
      assert.equal((await write(world, 'corporate', 'POST', '/v1/pulse/links/nope')).status, 404);
      const noCsrf = await fetch(`${world.collector.url}/v1/pulse/links/n1`, { method: 'POST', headers: { cookie: world.sessions.n1.cookie, origin: world.collector.url } });
      assert.equal(noCsrf.status, 403);

      const rotated = await makeLink(world, 'north', 'n1');
      assert.notEqual(rotated.key!.key, made.key!.key);
      const refused = await postSubmissions(world.collector.url, pulse('n1'), { key: made.key!.key });
      assert.equal(refused.status, 401, 'the rotated-out key is refused');
      assert.equal(((await refused.json()) as { error: string }).error, 'revoked_pulse_key');
      assert.equal((await postSubmissions(world.collector.url, pulse('n1'), { key: rotated.key!.key })).status, 202);

      assert.equal((await write(world, 'n1', 'DELETE', '/v1/pulse/links/n1')).status, 204);
      assert.equal((await postSubmissions(world.collector.url, pulse('n1'), { key: rotated.key!.key })).status, 401);
      assert.equal((await write(world, 'n1', 'DELETE', '/v1/pulse/links/n1')).status, 404, 'nothing left to revoke');
      const after = await getJson<{ links: PulseLink[] }>(world, 'n1', '/v1/pulse/links');
      assert.deepEqual(after.links.map((l) => [l.key, l.url]), [[null, null]]);
    });

    it('serves the link as a QR code (SVG) to the managers of its store', async () => {
      await makeLink(world, 'n1', 'n1');
      const res = await get(world, 'north', '/v1/pulse/links/n1/qr.svg');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
      assert.match(await res.text(), /^<svg[^>]*viewBox="0 0 \d+ \d+"/);
      assert.equal((await get(world, 'n1', '/v1/pulse/links/n2/qr.svg')).status, 403);
      assert.equal((await get(world, 'ann', '/v1/pulse/links/n1/qr.svg')).status, 403);
    });

    it('refuses employee pulse with a customer write key and customer feedback with a pulse key (403 naming why)', async () => {
      const link = await makeLink(world, 'corporate', 'n2');
      const key = link.key!.key;
      const withWriteKey = await postSubmissions(world.collector.url, pulse('n2'), { key: KEY });
      assert.equal(withWriteKey.status, 403);
      const a = (await withWriteKey.json()) as { error: string; message: string };
      assert.equal(a.error, 'pulse_key_required');
      assert.match(a.message, /pulse key.*never with a customer write key/);

      const customer = feedback('n2', [smiley(5)]);
      const withPulseKey = await postSubmissions(world.collector.url, customer, { key });
      assert.equal(withPulseKey.status, 403);
      const b = (await withPulseKey.json()) as { error: string; message: string };
      assert.equal(b.error, 'write_key_required');
      assert.match(b.message, /"kiosk" is customer feedback/);

      const mixed = await postSubmissions(world.collector.url, { submissions: [pulse('n2'), customer] }, { key });
      assert.equal(mixed.status, 403);
      assert.match(((await mixed.json()) as { message: string }).message, /^submissions\[1\]: /);
      for (const id of [customer.id]) assert.equal((await world.collector.ctx.db.query('SELECT 1 FROM submissions WHERE id = $1', [id])).length, 0, 'nothing of a refused request is stored');
    });

    it("files a pulse under the key's store whatever the page claims, refusing a contradiction", async () => {
      const key = (await makeLink(world, 'corporate', 's1')).key!.key;
      const silent = feedback('s1', [smiley(4)], { surveyId: 'employee-pulse', context: { channel: 'employee', store: undefined, region: undefined, staff: ['ann'], device: 'phone-1' } });
      assert.equal((await postSubmissions(world.collector.url, silent, { key })).status, 202);
      const [row] = await world.collector.ctx.db.query<{ store_id: string; region_id: string; staff_ids: string[]; device_id: string | null }>('SELECT store_id, region_id, staff_ids, device_id FROM submissions WHERE id = $1', [silent.id]);
      assert.deepEqual(row, { store_id: 's1', region_id: 'south', staff_ids: [], device_id: null });
      const elsewhere = pulse('n1');
      const res = await postSubmissions(world.collector.url, elsewhere, { key });
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { error: string }).error, 'context_mismatch');
    });

    it('tells the pulse page its store, survey, minimum and window; refuses a write key or a revoked link', async () => {
      const key = (await makeLink(world, 'corporate', 'n2')).key!.key;
      const res = await fetch(`${world.collector.url}/v1/pulse/session`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(res.status, 200);
      const session = (await res.json()) as PulseSession;
      assert.deepEqual(session.store, { id: 'n2', name: 'North Two' });
      assert.equal(session.surveyId, 'employee-pulse');
      assert.equal(session.minimum, world.collector.ctx.config.STAFF_MIN_RESPONSES);
      assert.equal(session.window.open, true);
      assert.equal(session.window.period, '2026-W10');
      const byQuery = await fetch(`${world.collector.url}/v1/pulse/session?key=${key}`);
      assert.equal(byQuery.status, 200);
      assert.equal((await fetch(`${world.collector.url}/v1/pulse/session`, { headers: { authorization: `Bearer ${KEY}` } })).status, 403);
      assert.equal((await fetch(`${world.collector.url}/v1/pulse/session`)).status, 401);

      // Closed days come from the brand's settings.
      const saved = await fetch(`${world.collector.url}/v1/settings`, {
        method: 'PUT',
        headers: { cookie: world.sessions.corporate.cookie, 'x-csrf-token': world.sessions.corporate.csrf, origin: world.collector.url, 'content-type': 'application/json' },
        body: JSON.stringify({ pulse: { days: ['fri', 'sat'] } }),
      });
      assert.equal(saved.status, 200, await saved.clone().text());
      try {
        const closed = (await (await fetch(`${world.collector.url}/v1/pulse/session?key=${key}`)).json()) as PulseSession;
        assert.equal(closed.window.open, false);
        assert.equal(closed.window.nextOpensAt, '2026-03-05T23:00:00.000Z', 'Friday 00:00 in Oslo');
      } finally {
        await fetch(`${world.collector.url}/v1/settings`, {
          method: 'PUT',
          headers: { cookie: world.sessions.corporate.cookie, 'x-csrf-token': world.sessions.corporate.csrf, origin: world.collector.url, 'content-type': 'application/json' },
          body: '{}',
        });
      }
    });

    it('gives the operator the same keys through the admin API', async () => {
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const made = await fetch(`${world.collector.url}/v1/admin/brands/acme/stores/n1/pulse-keys`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'pk_pulse_admin_n1' }) });
      assert.equal(made.status, 201, await made.clone().text());
      const list = (await (await fetch(`${world.collector.url}/v1/admin/brands/acme/pulse-keys`, { headers: admin })).json()) as { keys: Array<{ key: string; revokedAt: string | null }> };
      assert.ok(list.keys.some((k) => k.key === 'pk_pulse_admin_n1' && k.revokedAt === null));
      assert.equal((await postSubmissions(world.collector.url, pulse('n1'), { key: 'pk_pulse_admin_n1' })).status, 202);
      assert.equal((await fetch(`${world.collector.url}/v1/admin/brands/acme/pulse-keys/pk_pulse_admin_n1`, { method: 'DELETE', headers: admin })).status, 204);
      assert.equal((await postSubmissions(world.collector.url, pulse('n1'), { key: 'pk_pulse_admin_n1' })).status, 401);
      assert.equal((await fetch(`${world.collector.url}/v1/admin/brands/acme/pulse-keys`)).status, 401);
    });
  });
}
