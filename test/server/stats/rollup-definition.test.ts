import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uuidv7, type Answer, type Submission } from '../../../sdk/index.js';
import type { Collector } from '../../../demo/server/server.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import { rebuildRollups } from '../../../demo/server/stats/rebuild.js';
import { ROLLUPS } from '../../../demo/server/stats/rollups/definition.js';
import { createRandom } from '../../../demo/seed/random.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';

/**
 * The rollups generated from stats/rollups/definition.ts: the trigger-maintained tables must
 * equal a rebuild from raw rows after inserts, updates and deletes; erasing free text and page
 * URLs (retention) must not change them; days are the store's own.
 */

const STORES = [
  { id: 'sto', region: 'north', timeZone: 'Europe/Stockholm' },
  { id: 'osl', region: 'north', timeZone: 'Europe/Oslo' },
  { id: 'ldn', region: 'south', timeZone: 'Europe/London' },
  { id: 'nyc', region: 'west', timeZone: 'America/New_York' },
];

const hierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: ['pk_rollups'],
      regions: ['north', 'south', 'west'].map((region) => ({
        id: region,
        name: region,
        stores: STORES.filter((s) => s.region === region).map((s) => ({ id: s.id, name: s.id, timeZone: s.timeZone, staff: [1, 2, 3].map((n) => ({ id: `${s.id}-${n}`, name: `Person ${n}` })) })),
      })),
    },
  ],
};

/** A varied, reproducible data set: every answer type, channel and segment, near midnights and month ends. */
function generate(count: number): Submission[] {
  const random = createRandom(11);
  const start = Date.parse('2026-01-20T00:00:00Z');
  const out: Submission[] = [];
  for (let i = 0; i < count; i++) {
    const store = random.pick([...STORES, { id: 'unknown-store', region: 'north', timeZone: 'UTC' }]);
    const at = new Date(start + random.int(0, 45 * 24) * 3_600_000 + random.int(0, 59) * 60_000);
    const channel = random.pick(['kiosk', 'web', 'qr', 'app', 'employee'] as const);
    const answers: Answer[] = [];
    if (random.chance(0.7)) answers.push({ questionId: 'mood', type: 'smiley', value: random.int(1, 5) });
    if (random.chance(0.5)) answers.push({ questionId: 'recommend', type: 'nps', value: random.int(0, 10) });
    if (random.chance(0.3)) answers.push({ questionId: 'sat', type: 'csat', value: random.int(1, 5) });
    if (random.chance(0.2)) answers.push({ questionId: 'stars', type: 'stars', value: random.int(1, 5) });
    if (random.chance(0.4)) answers.push({ questionId: 'why', type: 'choice', value: random.chance(0.5) ? random.pick(['queue', 'help', 'stock']) : ['queue', 'other'], ...(random.chance(0.5) && { other: 'the music was loud' }) });
    if (random.chance(0.4)) answers.push({ questionId: 'comment', type: 'text', value: random.pick(['Slow queue at the till', 'Lovely staff', 'Prices too high']) });
    if (random.chance(0.2)) answers.push({ questionId: 'contact-me', type: 'consent', value: true, contact: 'someone@example.com' });
    if (answers.length === 0) answers.push({ questionId: 'mood', type: 'smiley', value: 3 });
    out.push({
      id: uuidv7(at.getTime()),
      schemaVersion: 1,
      surveyId: random.pick(['store-exit', 'post-purchase']),
      createdAt: at.toISOString(),
      context: {
        channel,
        brand: 'acme',
        region: store.region,
        store: store.id,
        staff: random.chance(0.6) ? [`${store.id}-${random.int(1, 3)}`, ...(random.chance(0.2) ? [`${store.id}-1`] : [])] : [],
        locale: random.pick(['en-GB', 'sv', 'nb-NO', 'en']),
        page: { url: 'https://shop.example.com/checkout' },
      },
      answers,
    });
  }
  return out;
}

type Snapshot = Record<string, string[]>;

/** Every rollup row that counts anything, as sorted JSON lines per table. */
async function snapshot(collector: Collector): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of ROLLUPS) {
    const measures = table.measures.map((m) => m.name);
    const rows = await collector.ctx.db.query(`SELECT * FROM ${table.name} WHERE ${measures.map((m) => `${m} <> 0`).join(' OR ')}`);
    out[table.name] = rows.map((row) => JSON.stringify(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]))).sort();
  }
  return out;
}

for (const target of databaseTargets) {
  describe(`rollups from one definition (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target);
      await importHierarchy(collector.ctx, hierarchy);
      const submissions = generate(1200);
      // In several statements, as ingest's group commit would store them.
      for (let i = 0; i < submissions.length; i += 150) await storeSubmissions(collector.ctx, 'acme', submissions.slice(i, i + 150));
      // Topics as ingest tags them, written afterwards here: an UPDATE the rollups must follow too.
      await collector.ctx.db.query("UPDATE submissions SET topics = CASE WHEN comment LIKE '%queue%' THEN ARRAY['queue'] WHEN comment LIKE '%Prices%' THEN ARRAY['price'] ELSE ARRAY['staff', 'other'] END WHERE comment IS NOT NULL");
    });
    after(() => collector.close());

    it('fills every rollup table', async () => {
      const counts = await snapshot(collector);
      for (const table of ROLLUPS) assert.ok((counts[table.name]?.length ?? 0) > 20, `${table.name} has rows`);
    });

    it('equals a rebuild from raw rows after inserts, updates and deletes', async () => {
      const db = collector.ctx.db;
      // Updates of counted columns, a move to another store, and deletes, each in bulk statements.
      await db.query("UPDATE submissions SET nps = (nps + 3) % 11 WHERE nps IS NOT NULL AND id::text < '019c'");
      await db.query("UPDATE submissions SET smiley = 6 - smiley, min_score = LEAST(6 - smiley, coalesce(csat, 5)) WHERE smiley IS NOT NULL AND right(id::text, 1) IN ('1', '7')");
      await db.query("UPDATE submissions SET store_id = 'ldn', region_id = 'south', staff_ids = '{}' WHERE store_id = 'osl' AND right(id::text, 1) = '3'");
      await db.query("UPDATE submissions SET topics = '{}' WHERE comment LIKE '%Lovely%' AND right(id::text, 1) = '5'");
      await db.query("DELETE FROM submissions WHERE right(id::text, 1) IN ('0', 'a')");
      const maintained = await snapshot(collector);
      await rebuildRollups(db);
      assert.deepEqual(await snapshot(collector), maintained);
    });

    it('keeps every rollup when retention erases free text, page URLs and contacts from raw rows', async () => {
      const db = collector.ctx.db;
      const before = await snapshot(collector);
      await db.query(`UPDATE submissions SET comment = NULL, body = jsonb_set(
          body #- '{context,page}', '{answers}',
          (SELECT coalesce(jsonb_agg(CASE WHEN a->>'type' = 'text' THEN jsonb_set(a, '{value}', '""')
                                          WHEN a ? 'other' THEN a - 'other'
                                          WHEN a ? 'contact' THEN a - 'contact' ELSE a END), '[]'::jsonb)
           FROM jsonb_array_elements(body->'answers') a))`);
      const [erased] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM submissions WHERE comment IS NOT NULL OR body::text LIKE '%shop.example.com%' OR body::text LIKE '%someone@%' OR body::text LIKE '%music%'");
      assert.equal(erased?.n, 0);
      assert.deepEqual(await snapshot(collector), before);
    });

    it("counts a submission on its store's own day", async () => {
      const db = collector.ctx.db;
      const late = (store: string, at: string): Submission => ({
        id: uuidv7(Date.parse(at)),
        schemaVersion: 1,
        surveyId: 'store-exit',
        createdAt: at,
        context: { channel: 'kiosk', brand: 'acme', region: STORES.find((s) => s.id === store)!.region, store },
        answers: [{ questionId: 'mood', type: 'smiley', value: 5 }],
      });
      // 23:30 UTC on 28 February is 00:30 on 1 March in Stockholm and 18:30 on the 28th in New York.
      await storeSubmissions(collector.ctx, 'acme', [late('sto', '2026-02-28T23:30:00.000Z'), late('nyc', '2026-02-28T23:30:00.000Z')]);
      const rows = await db.query<{ store_id: string; day: string }>(
        "SELECT store_id, to_char(day, 'YYYY-MM-DD') AS day FROM stats_store_daily WHERE store_id IN ('sto', 'nyc') AND day IN ('2026-02-28', '2026-03-01') AND smiley_5 > 0 ORDER BY 1, 2",
      );
      assert.ok(rows.some((r) => r.store_id === 'sto' && r.day === '2026-03-01'));
      const [stockholm] = await db.query<{ day: string }>("SELECT to_char(local_date, 'YYYY-MM-DD') AS day FROM submissions WHERE store_id = 'sto' AND created_at = '2026-02-28T23:30:00Z'");
      const [newYork] = await db.query<{ day: string }>("SELECT to_char(local_date, 'YYYY-MM-DD') AS day FROM submissions WHERE store_id = 'nyc' AND created_at = '2026-02-28T23:30:00Z'");
      assert.deepEqual([stockholm?.day, newYork?.day], ['2026-03-01', '2026-02-28']);
    });
  });
}
