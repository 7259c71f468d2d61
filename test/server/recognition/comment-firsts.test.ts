import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import type { Database } from '../../../demo/server/db/database.js';
import { ATTRIBUTED_STAFF_SQL, FIRST_COMMENT_SQL, KUDOS_CANDIDATE_SQL } from '../../../demo/server/recognition/attribution.js';
import { recognitionByStore } from '../../../demo/server/recognition/counts.js';
import { anonymiseSubmissions, lockAnonymisation } from '../../../demo/server/retention/anonymise.js';
import { recentKudos } from '../../../demo/server/stats/queries/kudos.js';
import type { Filter } from '../../../demo/server/stats/scope.js';
import { databaseTargets, postgresAdminUrl } from '../support/databases.js';
import { random } from '../support/random.js';

/**
 * "A comment the store did not already get" (recognition/attribution.ts) is decided at insert
 * time by migration 087's `store_comment_firsts`. These tests hold it to the rule it replaced,
 * which compared texts live, over generated data: inserted out of time order, in batches, with
 * erasures; and the kudos list's two index-driven branches to a plain scan of every submission.
 */

/** The rule before migration 087, kept here as the oracle: an earlier identical comment at the same store. */
const REPEATED_LIVE_SQL = `EXISTS (
  SELECT 1 FROM submissions o
  WHERE o.brand_id = s.brand_id AND o.store_id = s.store_id AND o.comment IS NOT NULL
    AND lower(btrim(o.comment)) = lower(btrim(s.comment)) AND (o.created_at, o.id) < (s.created_at, s.id))`;

const BRAND = 'acme';
const TEXTS = ['Lovely service', '  lovely SERVICE ', 'Quick and kind', 'QUICK AND KIND', 'Thanks!', 'Found my size'];
const STORES: Array<[store: string | null, region: string | null]> = [
  ['n1', 'north'],
  ['n2', 'north'],
  ['s1', 'south'],
  [null, null],
];
const STAFF = ['ann', 'bob', 'cat', 'dan'];

interface Row {
  id: string;
  store: string | null;
  region: string | null;
  staff: string[];
  createdAt: Date;
  smiley: number;
  comment: string | null;
  picked: string | null;
}

function generate(seed: number, count: number): Row[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  // Times collide on purpose (whole minutes), so the id decides between equal timestamps.
  const start = Date.UTC(2026, 2, 1);
  return Array.from({ length: count }, () => {
    const [store, region] = pick(STORES);
    const roll = next();
    return {
      id: randomUUID(),
      store,
      region,
      staff: roll < 0.3 ? [] : roll < 0.9 ? [pick(STAFF)] : [pick(STAFF), pick(STAFF)].filter((v, i, all) => all.indexOf(v) === i),
      createdAt: new Date(start + Math.floor(next() * 6 * 24 * 60) * 60_000),
      smiley: 1 + Math.floor(next() * 5),
      comment: next() < 0.8 ? pick(TEXTS) : null,
      picked: next() < 0.1 ? pick(STAFF) : null,
    };
  });
}

/** Inserts rows as ingest does (one statement per batch), in the order given. */
async function insert(db: Database, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({
    id: r.id,
    region_id: r.region,
    store_id: r.store,
    staff_ids: r.staff,
    created_at: r.createdAt.toISOString(),
    smiley: r.smiley,
    comment: r.comment,
    body: { answers: [{ questionId: 'mood', type: 'smiley', value: r.smiley }, ...(r.picked ? [{ questionId: 'helped-by', type: 'staff', value: r.picked }] : []), ...(r.comment ? [{ questionId: 'c', type: 'text', value: r.comment }] : [])] },
  }));
  await db.query(
    `INSERT INTO submissions (id, brand_id, region_id, store_id, staff_ids, channel, survey_id, created_at, smiley, min_score, comment, body)
     SELECT x.id, '${BRAND}', x.region_id, x.store_id, x.staff_ids, 'kiosk', 'visit', x.created_at, x.smiley, x.smiley, x.comment, x.body
     FROM jsonb_to_recordset($1::text::jsonb) AS x(id uuid, region_id text, store_id text, staff_ids text[], created_at timestamptz, smiley smallint, comment text, body jsonb)`,
    [JSON.stringify(values)],
  );
}

/** Inserts in shuffled batches of 1–40: late arrivals and same-statement duplicates both happen. */
async function insertShuffled(db: Database, rows: readonly Row[], seed: number): Promise<void> {
  const next = random(seed);
  const shuffled = [...rows].sort(() => next() - 0.5);
  for (let i = 0; i < shuffled.length; ) {
    const size = 1 + Math.floor(next() * 40);
    await insert(db, shuffled.slice(i, i + size));
    i += size;
  }
}

/** Per submission with a comment: [id, first by the table, first by the live rule]. */
async function firstness(db: Database): Promise<Array<[string, boolean, boolean]>> {
  const rows = await db.query<{ id: string; kept: boolean; live: boolean }>(
    `SELECT s.id::text AS id, ${FIRST_COMMENT_SQL} AS kept, (s.store_id IS NULL OR NOT ${REPEATED_LIVE_SQL}) AS live
     FROM submissions s WHERE s.comment IS NOT NULL ORDER BY s.id`,
  );
  return rows.map((r) => [r.id, r.kept, r.live]);
}

const FILTER: Filter = { brandId: BRAND, regionId: undefined, storeId: undefined, staffId: undefined, from: '2026-02-27', to: '2026-03-10', channel: 'customer', segments: {} };

/** The kudos a plain scan finds: every submission, the attribution rule, newest first. */
async function kudosByScan(db: Database, where = 'true'): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT s.id::text AS id FROM submissions s
     WHERE s.brand_id = '${BRAND}' AND s.comment IS NOT NULL AND ${KUDOS_CANDIDATE_SQL} AND ${where}
       AND EXISTS (SELECT 1 FROM staff m WHERE m.brand_id = s.brand_id AND m.id IN (${ATTRIBUTED_STAFF_SQL}))
     ORDER BY s.created_at DESC, s.id DESC`,
  );
  return rows.map((r) => r.id);
}

/** Kudos per store by a plain scan (words erased or not), as `store → count`, for stores with any. */
async function countsByScan(db: Database, where = 'true'): Promise<Record<string, number>> {
  const rows = await db.query<{ store_id: string; n: number }>(
    `SELECT s.store_id, count(*)::int AS n FROM submissions s
     WHERE s.brand_id = '${BRAND}' AND s.store_id IS NOT NULL AND s.channel <> 'employee' AND ${KUDOS_CANDIDATE_SQL} AND ${where}
       AND EXISTS (SELECT 1 FROM staff m WHERE m.brand_id = s.brand_id AND m.id IN (${ATTRIBUTED_STAFF_SQL}))
     GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.store_id, r.n]));
}

/** The per-store counts of `GET /v1/recognition/stores`, as `store → count`, for stores with any. */
async function counts(db: Database, scope: { regionId?: string; storeId?: string } = {}): Promise<Record<string, number>> {
  const answer = await recognitionByStore(db, { brandId: BRAND, regionId: scope.regionId, storeId: scope.storeId }, { from: '2026-02-27', to: '2026-03-10' });
  return Object.fromEntries(answer.stores.filter((s) => s.kudos > 0).map((s) => [s.id, s.kudos]));
}

for (const target of databaseTargets) {
  describe(`first comments at a store (${target.name})`, { skip: target.skip }, () => {
    let db: Database;
    before(async () => {
      db = await target.open();
      await db.query(`INSERT INTO brands (id, name) VALUES ('${BRAND}', 'Acme')`);
      await db.query(`INSERT INTO regions (brand_id, id, name) VALUES ('${BRAND}', 'north', 'North'), ('${BRAND}', 'south', 'South')`);
      await db.query(`INSERT INTO stores (brand_id, id, region_id, name) VALUES ('${BRAND}', 'n1', 'north', 'N1'), ('${BRAND}', 'n2', 'north', 'N2'), ('${BRAND}', 's1', 'south', 'S1')`);
      for (const id of STAFF) await db.query(`INSERT INTO staff (brand_id, id, store_id, name) VALUES ('${BRAND}', $1, 'n1', $1)`, [id]);
    });
    after(() => db.close());

    it('agrees with the live rule over 600 submissions inserted out of order, in batches', async () => {
      await insertShuffled(db, generate(1, 600), 2);
      const rows = await firstness(db);
      assert.ok(rows.length > 400, `enough comments (${rows.length})`);
      assert.deepEqual(
        rows.filter(([, kept, live]) => kept !== live),
        [],
      );
      assert.ok(rows.some(([, kept]) => !kept) && rows.some(([, kept]) => kept), 'both kinds occur');
    });

    it('moves the first to the earlier submission that arrives late', async () => {
      const late: Row = { id: randomUUID(), store: 'n2', region: 'north', staff: ['bob'], createdAt: new Date(Date.UTC(2026, 1, 28)), smiley: 5, comment: 'QUICK and kind', picked: null };
      const [before] = await db.query<{ id: string }>(`SELECT submission_id::text AS id FROM store_comment_firsts WHERE store_id = 'n2' AND comment_key = md5('quick and kind')`);
      assert.ok(before, 'n2 already got the text');
      await insert(db, [late]);
      const [moved] = await db.query<{ id: string }>(`SELECT submission_id::text AS id FROM store_comment_firsts WHERE store_id = 'n2' AND comment_key = md5('quick and kind')`);
      assert.equal(moved?.id, late.id);
      assert.deepEqual((await firstness(db)).filter(([, kept, live]) => kept !== live), []);
    });

    it('lists the same kudos through its two indexes as a scan of every submission, per scope', async () => {
      const ids = async (filter: Filter) => (await recentKudos(db, filter, 1000, 0)).map((k) => k.id);
      assert.deepEqual(await ids(FILTER), await kudosByScan(db));
      assert.deepEqual(await ids({ ...FILTER, regionId: 'north' }), await kudosByScan(db, "s.region_id = 'north'"));
      assert.deepEqual(await ids({ ...FILTER, storeId: 'n1' }), await kudosByScan(db, "s.store_id = 'n1'"));
      const firstFive = await ids({ ...FILTER });
      assert.deepEqual((await recentKudos(db, FILTER, 5, 0)).map((k) => k.id), firstFive.slice(0, 5), 'the limit keeps the newest');
      assert.ok(firstFive.length > 20, `enough kudos to matter (${firstFive.length})`);
      assert.deepEqual(await counts(db), await countsByScan(db), 'the per-store counts');
      assert.deepEqual(await counts(db, { regionId: 'north' }), await countsByScan(db, "s.region_id = 'north'"));
      assert.deepEqual(await counts(db, { storeId: 's1' }), await countsByScan(db, "s.store_id = 's1'"));
    });

    it('after erasures, still agrees with the live rule over the texts that remain, and keeps who got kudos', async () => {
      const before = await kudosByScan(db);
      const countsBefore = await counts(db);
      const next = random(3);
      const all = await db.query<{ id: string }>('SELECT id::text AS id FROM submissions WHERE comment IS NOT NULL ORDER BY id');
      const erased = all.filter(() => next() < 0.3).map((r) => r.id);
      await db.transaction(async (tx) => {
        await lockAnonymisation(tx);
        await anonymiseSubmissions(tx, erased, new Date(Date.UTC(2026, 2, 9)));
      });
      assert.deepEqual((await firstness(db)).filter(([, kept, live]) => kept !== live), []);
      const [dangling] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM store_comment_firsts f JOIN submissions s ON s.id = f.submission_id WHERE s.comment IS NULL',
      );
      assert.equal(dangling?.n, 0, 'no first names an erased comment');
      // Kudos need their text to be listed; the erased ones leave the list, and no other changes.
      const after = await kudosByScan(db);
      assert.deepEqual(after, before.filter((id) => !erased.includes(id)));
      assert.deepEqual(await counts(db), countsBefore, 'a kudos whose words were erased still counts');
      assert.deepEqual(await counts(db), await countsByScan(db));
    });

    it('a new submission repeating a text that the store got before it was erased is not a first', async () => {
      const [row] = await db.query<{ id: string; store_id: string; key: string }>(
        `SELECT f.submission_id::text AS id, f.store_id, f.comment_key AS key FROM store_comment_firsts f ORDER BY f.created_at LIMIT 1`,
      );
      assert.ok(row);
      const [{ comment } = { comment: '' }] = await db.query<{ comment: string }>('SELECT comment FROM submissions WHERE id = $1::uuid', [row.id]);
      const repeat: Row = { id: randomUUID(), store: row.store_id, region: null, staff: ['ann'], createdAt: new Date(Date.UTC(2026, 2, 8)), smiley: 5, comment: ` ${comment.toUpperCase()} `, picked: null };
      await insert(db, [repeat]);
      const [first] = await db.query<{ first: boolean }>(`SELECT ${FIRST_COMMENT_SQL} AS first FROM submissions s WHERE s.id = $1::uuid`, [repeat.id]);
      assert.equal(first?.first, false);
    });
  });
}

describe('first comments under concurrent inserts (postgres)', { skip: databaseTargets[1]!.skip }, () => {
  let db: Database;
  let url: string;
  before(async () => {
    db = await databaseTargets[1]!.open();
    const [{ name } = { name: '' }] = await db.query<{ name: string }>('SELECT current_database() AS name');
    const parsed = new URL(postgresAdminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });
  after(() => db.close());

  it('keeps the earliest of identical comments inserted by 20 transactions at once', async () => {
    // Twenty connections, each in its own transaction, each waiting for all to have inserted
    // before committing: none sees another's row when it inserts, so only the unique key decides.
    const clients = Array.from({ length: 20 }, () => postgres(url, { max: 1, onnotice: () => {} }));
    const rows = clients.map((_, i): Row => ({ id: randomUUID(), store: 'n1', region: 'north', staff: ['ann'], createdAt: new Date(Date.UTC(2026, 3, 1, 12, 0, 20 - i)), smiley: 5, comment: 'Same words', picked: null }));
    let inserted = 0;
    let release: () => void = () => {};
    const allInserted = new Promise<void>((resolve) => (release = resolve));
    try {
      await Promise.all(
        clients.map((sql, i) =>
          sql.begin(async (tx) => {
            const r = rows[i]!;
            await tx.unsafe(
              `INSERT INTO submissions (id, brand_id, region_id, store_id, staff_ids, channel, survey_id, created_at, smiley, min_score, comment, body)
               VALUES ($1, '${BRAND}', 'north', 'n1', '{ann}', 'kiosk', 'visit', $2, 5, 5, $3, '{"answers":[]}')`,
              [r.id, r.createdAt.toISOString(), r.comment],
            ).then(() => {
              if (++inserted === clients.length) release();
            });
            // The first to insert holds the key; the others wait on it inside their INSERT, so
            // not all can report "inserted": commit after a short wait instead of forever.
            await Promise.race([allInserted, new Promise((resolve) => setTimeout(resolve, 200))]);
          }),
        ),
      );
    } finally {
      await Promise.all(clients.map((sql) => sql.end()));
    }
    const firsts = await db.query<{ id: string }>(`SELECT submission_id::text AS id FROM store_comment_firsts WHERE store_id = 'n1' AND comment_key = md5('same words')`);
    const earliest = rows.reduce((a, b) => (a.createdAt < b.createdAt ? a : b));
    assert.deepEqual(firsts.map((r) => r.id), [earliest.id]);
    const flags = await db.query<{ id: string; first: boolean }>(`SELECT s.id::text AS id, ${FIRST_COMMENT_SQL} AS first FROM submissions s WHERE s.comment = 'Same words'`);
    assert.deepEqual(flags.filter((r) => r.first).map((r) => r.id), [earliest.id]);
  });
});
