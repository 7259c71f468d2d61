import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Queryable } from '../../../demo/server/db/database.js';
import { createLogger } from '../../../demo/server/log.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, login, type Session } from './client.js';
import { insertSubmission, NOW, PASSWORD, RANGE, seed, USERS } from './fixtures.js';

/**
 * Responses beyond the shared dataset that make paging hard: a time to the microsecond (the cursor
 * must be exact, the file shows milliseconds), three responses at the same instant (the keyset
 * must neither drop nor repeat one where a page boundary falls between them), and text that
 * needs quoting, defusing and more than one byte per character.
 */
async function seedPaging(db: Queryable): Promise<void> {
  const micro = await insertSubmission(db, { id: '00000000-0000-4000-8000-0000000000f1', region: 'north', store: 'n2', channel: 'web', at: '2026-03-05T10:00:00Z', nps: 9, comment: 'x;=1+1;y' });
  const late = await insertSubmission(db, { id: '00000000-0000-4000-8000-0000000000f2', region: 'north', store: 'n2', at: '2026-03-06T23:00:00Z', nps: 10 });
  await db.query("UPDATE submissions SET created_at = '2026-03-05T10:00:00.123999Z' WHERE id = $1", [micro]);
  await db.query("UPDATE submissions SET created_at = '2026-03-06T23:59:59.999999Z' WHERE id = $1", [late]);
  for (const [n, comment] of [['a', 'Kö vid kassan; "Åsa" var snabb'], ['b', undefined], ['c', '@kassan ✓']] as const) {
    await insertSubmission(db, { id: `00000000-0000-4000-8000-0000000000${n}0`, region: 'south', store: 's1', at: '2026-03-04T09:00:00Z', nps: 7, csat: 4, ...(comment !== undefined && { comment }) });
  }
}

/**
 * The file as the export wrote it in one read, before it was paged (taken from that version on
 * the same data): the paged file must be the same, byte for byte. `{id}` is a response's random
 * id, read back by its time. Ties at one instant come newest id first (one read left their order
 * to the plan, which gave this order).
 */
const EXPECTED_LINES = [
  'id,created_at,region_id,store_id,store_name,channel,survey_id,nps,csat,smiley,stars,comment',
  '00000000-0000-4000-8000-0000000000f2,2026-03-06T23:59:59.999Z,north,n2,North Two,kiosk,post-visit,10,,,,',
  `00000000-0000-4000-8000-0000000000f1,2026-03-05T10:00:00.123Z,north,n2,North Two,web,post-visit,9,,,,"x;'=1+1;y"`,
  `00000000-0000-4000-8000-0000000000c0,2026-03-04T09:00:00.000Z,south,s1,South One,kiosk,post-visit,7,4,,,'@kassan ✓`,
  '00000000-0000-4000-8000-0000000000b0,2026-03-04T09:00:00.000Z,south,s1,South One,kiosk,post-visit,7,4,,,',
  '00000000-0000-4000-8000-0000000000a0,2026-03-04T09:00:00.000Z,south,s1,South One,kiosk,post-visit,7,4,,,"Kö vid kassan; ""Åsa"" var snabb"',
  '{id},2026-03-03T10:00:00.000Z,north,n1,North One,kiosk,post-visit,10,,5,,"Thanks Bob, fixed everything"',
  '{id},2026-03-03T09:00:00.000Z,north,n1,North One,kiosk,post-visit,0,1,1,,"Slow, ""very"" slow\nand rude"',
  '{id},2026-03-02T12:00:00.000Z,north,n2,North Two,web,post-visit,7,4,4,,',
  `{id},2026-03-02T10:00:00.000Z,north,n1,North One,kiosk,post-visit,6,2,2,,"'=HYPERLINK(""http://evil.test"",""click"")"`,
  '{id},2026-03-02T09:00:00.000Z,north,n1,North One,kiosk,post-visit,8,3,3,,',
  '{id},2026-03-01T12:00:00.000Z,south,s1,South One,kiosk,post-visit,3,2,2,,Dan ignored me',
  '{id},2026-03-01T11:00:00.000Z,north,n1,North One,kiosk,post-visit,9,4,4,,',
  '{id},2026-03-01T10:00:00.000Z,north,n2,North Two,web,post-visit,10,5,,,Great help from Cat',
  '00000000-0000-4000-8000-000000000001,2026-03-01T09:00:00.000Z,north,n1,North One,kiosk,post-visit,10,5,5,,Ann was wonderful',
];

/** EXPECTED_LINES as the file: BOM, CRLF after every line, each `{id}` the id of the response at that time. */
async function expectedFile(db: Queryable): Promise<string> {
  const lines: string[] = [];
  for (const line of EXPECTED_LINES) {
    if (!line.startsWith('{id},')) {
      lines.push(line);
      continue;
    }
    const at = line.split(',')[1];
    const rows = await db.query<{ id: string }>("SELECT id::text AS id FROM submissions WHERE brand_id = 'acme' AND channel <> 'employee' AND created_at = $1::timestamptz", [at]);
    assert.equal(rows.length, 1, at);
    lines.push(line.replace('{id}', rows[0]!.id));
  }
  return '\uFEFF' + lines.map((line) => `${line}\r\n`).join('');
}

for (const target of databaseTargets) {
  describe(`stats: the per-response CSV export, read in pages (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let ceo: Session;
    let expected: string;
    const logged: string[] = [];
    before(async () => {
      // Two rows per page: the selection's 14 responses take seven pages.
      collector = await startTestCollector(target, { EXPORT_PAGE_ROWS: 2, LOG_LEVEL: 'error' }, { now: () => NOW, log: createLogger('error', (line) => logged.push(line)) });
      await seed(collector.ctx.db);
      await seedPaging(collector.ctx.db);
      expected = await expectedFile(collector.ctx.db);
      ceo = await login(collector.url, USERS.corporate, PASSWORD);
    });
    after(() => collector.close());

    it('sends the same file as one read did, byte for byte, across pages and ties', async () => {
      const res = await get(collector.url, `/v1/stats/export.csv?rows=responses&${RANGE}`, ceo);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(res.headers.get('content-disposition'), 'attachment; filename="storevoice-responses-2026-03-01-2026-03-07.csv"');
      assert.equal(res.headers.get('x-storevoice-rows-truncated'), null, 'all 14 rows are in the file');
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.deepEqual(bytes.subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]), 'a UTF-8 byte-order mark');
      assert.equal(bytes.toString('utf8'), expected);
    });

    it('aborts the download, never ends it early, when a page after the first fails; and logs why', async () => {
      // Fault injection: store names become a view whose name fails for store s1 only. The first
      // page (the rows of n2) reads; the second (s1's three tied rows) fails once the status was
      // sent. The function is costly to the planner, so it runs on the rows a page returns, after
      // the sort and limit, not on every row the sort sees; strict, so the view merges into the join.
      const db = collector.ctx.db;
      await db.query(`CREATE FUNCTION failing_name(store text, name text) RETURNS text LANGUAGE plpgsql STRICT STABLE COST 100000 AS $$
        BEGIN IF store = 's1' THEN RAISE EXCEPTION 'injected failure for store %', store; END IF; RETURN name; END $$`);
      await db.query('ALTER TABLE stores RENAME TO stores_table');
      await db.query('CREATE VIEW stores AS SELECT brand_id, id, region_id, failing_name(id, name) AS name, time_zone, opening_hours FROM stores_table');
      try {
        const res = await get(collector.url, `/v1/stats/export.csv?rows=responses&${RANGE}`, ceo);
        assert.equal(res.status, 200);
        const reader = res.body!.getReader();
        let received = '';
        const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
        const failure = await (async () => {
          for (;;) {
            const chunk = await reader.read();
            if (chunk.done) return undefined;
            received += decoder.decode(chunk.value, { stream: true });
          }
        })().catch((error: unknown) => error);
        assert.ok(failure instanceof Error, `the download failed (received ${JSON.stringify(received)})`);
        assert.ok(received.length < expected.length, 'and stopped short of the file');
        assert.ok(expected.startsWith(received), `what did arrive is the start of the file: ${JSON.stringify(received)}`);
        assert.ok(logged.some((line) => line.includes('CSV export aborted') && line.includes('injected failure for store s1')), logged.join('\n'));
      } finally {
        await db.query('DROP VIEW stores');
        await db.query('ALTER TABLE stores_table RENAME TO stores');
        await db.query('DROP FUNCTION failing_name');
      }
    });
  });
}

for (const target of databaseTargets) {
  describe(`stats: the per-response CSV export at its cap (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let ceo: Session;
    before(async () => {
      // A page size that does not divide 50,000: the last page must be cut to what the cap leaves.
      collector = await startTestCollector(target, { EXPORT_PAGE_ROWS: 4999 }, { now: () => NOW });
      await seed(collector.ctx.db);
      // 50,001 responses on 2026-02-10, one a second: one more than an export carries.
      await collector.ctx.db.query(
        `INSERT INTO submissions (id, brand_id, region_id, store_id, channel, survey_id, created_at, nps, body)
         SELECT gen_random_uuid(), 'acme', 'north', 'n1', 'kiosk', 'post-visit', timestamptz '2026-02-10T00:00:00Z' + i * interval '1 second', i % 11, '{}'
         FROM generate_series(1, 50001) AS i`,
      );
      ceo = await login(collector.url, USERS.corporate, PASSWORD);
    });
    after(() => collector.close());

    it('stops at 50,000 rows, the newest, and says so in X-StoreVoice-Rows-Truncated', async () => {
      const res = await get(collector.url, '/v1/stats/export.csv?rows=responses&from=2026-02-10&to=2026-02-10', ceo);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-storevoice-rows-truncated'), 'true');
      const lines = (await res.text()).split('\r\n');
      assert.equal(lines.pop(), '', 'the file ends with a line break');
      assert.equal(lines.length, 1 + 50_000);
      assert.equal(lines[1]?.split(',')[1], '2026-02-10T13:53:21.000Z', 'the newest first');
      assert.equal(lines.at(-1)?.split(',')[1], '2026-02-10T00:00:02.000Z', 'the oldest, at 00:00:01, is the one left out');
      assert.equal(new Set(lines.map((line) => line.split(',')[0])).size, lines.length, 'no row twice');
    });

    it('does not say so when every row fits, even at exactly 50,000', async () => {
      await collector.ctx.db.query("DELETE FROM submissions WHERE created_at = '2026-02-10T00:00:01Z'");
      const res = await get(collector.url, '/v1/stats/export.csv?rows=responses&from=2026-02-10&to=2026-02-10', ceo);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-storevoice-rows-truncated'), null);
      const lines = (await res.text()).split('\r\n');
      assert.equal(lines.length, 1 + 50_000 + 1);
      assert.equal(lines.at(-2)?.split(',')[1], '2026-02-10T00:00:02.000Z');
    });
  });
}
