import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../../demo/server/server.js';
import { csvCell, toCsv } from '../../../demo/server/stats/csv.js';
import type { KudosResponse, StatsResponse } from '../../../demo/server/stats/types.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, getJson, login, type Session } from './client.js';
import { NOW, PASSWORD, RANGE, seed, USERS } from './fixtures.js';

describe('CSV cells', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(null), '');
    assert.equal(toCsv(['a', 'b'], [[1, 'x']]), 'a,b\r\n1,x\r\n');
  });
  it('defuses formulas in text but keeps negative numbers numeric', () => {
    for (const start of ['=', '+', '-', '@']) assert.equal(csvCell(`${start}1+1`), `'${start}1+1`);
    // A tab is a separator in some locales: the defused cell is quoted too.
    assert.equal(csvCell('\t1+1'), `"'\t1+1"`);
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell(-50), '-50');
  });
});

for (const target of databaseTargets) {
  describe(`stats: validation, fairness, kudos, export (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let ceo: Session;
    let manager: Session;
    before(async () => {
      // The default minimum of 10: nobody in the dataset reaches it.
      collector = await startTestCollector(target, {}, { now: () => NOW });
      await seed(collector.ctx.db);
      ceo = await login(collector.url, USERS.corporate, PASSWORD);
      manager = await login(collector.url, USERS.store, PASSWORD);
    });
    after(() => collector.close());

    it('answers 400 with the issues for bad parameters', async () => {
      for (const query of ['level=planet', 'from=2026-13-01', 'from=yesterday', 'from=2026-03-08&to=2026-03-01', 'channel=fax', 'device=phone', 'locale=x', 'bucket=hour', 'level=staff&survey=store-exit', 'channel=employee&locale=sv', 'limit=0', 'limit=1000', 'from=2020-01-01&to=2026-01-01', 'store=', 'store=%3Cscript%3E']) {
        const res = await get(collector.url, `/v1/stats?${query}`, ceo);
        assert.equal(res.status, 400, query);
        const body = (await res.json()) as { error: string; issues: Array<{ path: unknown[]; message: string }> };
        assert.equal(body.error, 'validation_failed', query);
        assert.ok(body.issues.length > 0, query);
      }
    });

    it('withholds staff scores below STAFF_MIN_RESPONSES but always shows the count', async () => {
      const body = await getJson<StatsResponse>(collector.url, `/v1/stats?level=staff&store=n1&${RANGE}`, manager);
      assert.equal(body.minResponses, 10);
      const ann = body.groups.find((g) => g.id === 'ann');
      assert.deepEqual(ann?.nps, { value: null, n: 2, insufficientResponses: true });
      assert.equal(ann?.volume, 2);
      assert.equal(ann?.insufficientResponses, true);
      // The team's results are not withheld.
      assert.equal(body.summary.nps.value, 16.7);
      // Nor can an individual's distribution or trend reveal them.
      const dist = (await getJson<{ nps: unknown; insufficientResponses: boolean }>(collector.url, `/v1/stats/distribution?staff=ann&${RANGE}`, manager));
      assert.deepEqual([dist.nps, dist.insufficientResponses], [null, true]);
      const trend = await getJson<StatsResponse & { points: Array<{ nps: { value: number | null } }> }>(collector.url, `/v1/stats/trend?staff=ann&${RANGE}`, manager);
      assert.ok(trend.points.every((p) => p.nps.value === null));
      // And the export has no per-person responses.
      assert.equal((await get(collector.url, `/v1/stats/export.csv?rows=responses&staff=ann&${RANGE}`, manager)).status, 400);
    });

    it('treats employee pulse as anonymous: per team, with the minimum, never per person', async () => {
      const body = await getJson<StatsResponse>(collector.url, `/v1/stats?level=store&channel=employee&${RANGE}`, manager);
      assert.deepEqual(body.summary.smiley, { value: null, n: 2, insufficientResponses: true });
      assert.equal((await get(collector.url, `/v1/stats?level=staff&channel=employee&${RANGE}`, manager)).status, 400);
      // Two pulse answers are below the minimum: not even their comments are shown.
      const comments = (await (await get(collector.url, `/v1/stats/comments?channel=employee&${RANGE}`, manager)).json()) as { comments: Array<{ text: string }>; insufficientResponses: boolean };
      assert.deepEqual([comments.comments, comments.insufficientResponses], [[], true]);
      assert.equal((await get(collector.url, `/v1/stats/export.csv?rows=responses&channel=employee&${RANGE}`, manager)).status, 400);
      assert.equal((await get(collector.url, `/v1/stats/kudos?channel=employee&${RANGE}`, manager)).status, 400);
      const customer = (await (await get(collector.url, `/v1/stats/comments?${RANGE}`, manager)).json()) as { comments: Array<{ text: string }> };
      assert.ok(!customer.comments.some((c) => c.text === 'Good team'));
    });

    it('lists kudos: positive comments attributed to staff by id (never by a first name alone), newest first', async () => {
      const body = await getJson<KudosResponse>(collector.url, `/v1/stats/kudos?${RANGE}`, ceo);
      // "Thanks Bob, fixed everything" carries no staff id: the recognition rule does not guess from names.
      assert.deepEqual(body.kudos.map((k) => [k.text, k.staff.map((s) => s.id)]), [
        ['Great help from Cat', ['cat']],
        ['Ann was wonderful', ['ann']],
      ]);
      assert.equal(body.kudos[0]?.staff[0]?.name, 'Cat Diaz');
    });

    it('exports CSV with escaping and formula protection', async () => {
      const res = await get(collector.url, `/v1/stats/export.csv?rows=responses&store=n1&${RANGE}`, manager);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="storevoice-responses-2026-03-01-2026-03-07.csv"/);
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const lines = text.split('\r\n');
      assert.equal(lines[0], 'id,created_at,region_id,store_id,store_name,channel,survey_id,nps,csat,smiley,stars,comment');
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.test"",""click"")"`));
      assert.ok(text.includes('"Slow, ""very"" slow\nand rude"'));
      assert.ok(!/\b(ann|bob)\b/.test(text), 'no staff ids in the responses export');
      assert.equal(lines.filter(Boolean).length, 7); // header + 6 customer responses of n1

      const groups = (await (await get(collector.url, `/v1/stats/export.csv?level=store&${RANGE}`, ceo)).text()).replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(groups[0], 'store,name,responses,nps,nps_n,csat_pct,csat_n,smiley_avg,smiley_n,stars_avg,stars_n,comments,insufficient_responses');
      assert.equal(groups[1], 'n1,North One,6,16.7,6,40,5,3.33,6,,0,4,no');
      assert.equal(groups[3], 's1,South One,1,-100,1,0,1,2,1,,0,1,no');
    });
  });
}
