import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uuidv7 } from '../../../sdk/index.js';
import { databaseTargets } from '../support/databases.js';
import { clockAt, consent, feedback as anyTime, get, ingest, nps, send, startCasesWorld, type CasesWorld, type StoreId, type Who } from './fixtures.js';

/** Contact details of each store's case: each may only reach the managers of that case. */
const CONTACT: Record<StoreId, string> = { n1: 'n1.customer@example.com', n2: 'n2.customer@example.com', s1: '+44 20 7946 0001', x1: 'x1.customer@example.com' };
/** The cases each user may reach, by store. */
const REACH: Record<Who, StoreId[]> = { corporate: ['n1', 'n2', 's1'], north: ['n1', 'n2'], south: ['s1'], n1: ['n1'], n2: ['n2'], ann: [], other: ['x1'] };
const WHO = Object.keys(REACH) as Who[];
const STORES: StoreId[] = ['n1', 'n2', 's1', 'x1'];

/** `?region=` and `?store=` each user may ask for (200), every other one is a 403 (400 for staff: 403 first). */
const PARAMS: Array<{ query: string; allowed: Who[] }> = [
  { query: 'region=north', allowed: ['corporate', 'north', 'n1', 'n2', 'other'] },
  { query: 'region=south', allowed: ['corporate', 'south', 'other'] },
  { query: 'store=n1', allowed: ['corporate', 'north', 'n1', 'other'] },
  { query: 'store=n2', allowed: ['corporate', 'north', 'n2', 'other'] },
  { query: 'store=s1', allowed: ['corporate', 'south', 'other'] },
  { query: 'store=x1', allowed: ['corporate', 'other'] },
  { query: 'region=north&store=s1', allowed: ['corporate', 'other'] },
];

for (const target of databaseTargets) {
  describe(`cases scope: who reaches which case and contact (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-07T12:00:00Z');
    let world: CasesWorld;
    const caseOfStore = {} as Record<StoreId, string>;
    before(async () => {
      world = await startCasesWorld(target, clock);
      for (const store of STORES) {
        const s = anyTime(store, [nps(1), consent(true, CONTACT[store])], { at: clock.now });
        await ingest(world, s);
        const [row] = await world.collector.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM cases WHERE submission_id = $1', [s.id]);
        caseOfStore[store] = row!.id;
      }
    });
    after(() => world.collector.close());

    const foreignContacts = (who: Who) => STORES.filter((store) => !REACH[who].includes(store)).map((store) => CONTACT[store]);

    for (const who of WHO) {
      it(`${who}: lists, reads and changes exactly the cases in scope; everything else is 403 or 404, never a hint`, async () => {
        const staff = who === 'ann';
        const listed = await get(world, who, '/v1/cases?limit=200');
        if (staff) {
          assert.equal(listed.status, 403);
        } else {
          const body = (await listed.json()) as { cases: Array<{ storeId: string }> };
          assert.deepEqual(body.cases.map((c) => c.storeId).sort(), [...REACH[who]].sort());
        }
        for (const { query, allowed } of PARAMS) {
          for (const path of [`/v1/cases?${query}`, `/v1/cases/metrics?${query}`]) {
            const res = await get(world, who, path);
            const text = await res.text();
            assert.equal(res.status, staff ? 403 : allowed.includes(who) ? 200 : 403, `${who} ${path}: ${text}`);
            for (const contact of [...foreignContacts(who), ...REACH[who].map((s) => CONTACT[s])]) assert.ok(!text.includes(contact), `${who} ${path} shows a contact`);
          }
        }
        const metrics = await get(world, who, '/v1/cases/metrics?level=store');
        if (staff) assert.equal(metrics.status, 403);
        else assert.deepEqual(((await metrics.json()) as { groups: Array<{ id: string }> }).groups.map((g) => g.id).sort(), [...REACH[who]].sort());

        const missing = await get(world, who, `/v1/cases/${uuidv7()}`);
        const missingBody = await missing.text();
        for (const store of STORES) {
          const id = caseOfStore[store];
          const inScope = REACH[who].includes(store);
          const read = await get(world, who, `/v1/cases/${id}`);
          const text = await read.text();
          if (staff) {
            assert.equal(read.status, 403, `${who} GET ${store}`);
          } else if (inScope) {
            assert.equal(read.status, 200, `${who} GET ${store}: ${text}`);
            assert.ok(text.includes(CONTACT[store]), `${who} sees the contact of a case they own`);
          } else {
            assert.equal(read.status, 404, `${who} GET ${store}`);
            assert.equal(text, missingBody, 'the same answer as for a case that does not exist');
          }
          for (const contact of foreignContacts(who)) assert.ok(!text.includes(contact), `${who} GET ${store} leaked ${contact}`);

          const [before] = await world.collector.ctx.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [id]);
          const changed = await send(world, who, 'PATCH', `/v1/cases/${id}`, { version: before!.version, note: `note by ${who}` });
          const changedText = await changed.text();
          assert.equal(changed.status, staff ? 403 : inScope ? 200 : 404, `${who} PATCH ${store}: ${changedText}`);
          if (!inScope) {
            const [afterwards] = await world.collector.ctx.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [id]);
            assert.equal(afterwards!.version, before!.version, `${who} changed a case of ${store}`);
            if (!staff) assert.equal(changedText, missingBody);
          }
          for (const contact of foreignContacts(who)) assert.ok(!changedText.includes(contact), `${who} PATCH ${store} leaked ${contact}`);
        }
      });
    }
  });
}
