import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { http } from '../../../sdk/index.js';
import type { StoredSubmission } from '../../../demo/server/context.js';
import { drainAfterIngest } from '../../../demo/server/ingest/hooks.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy, storedRow } from '../support/ingest.js';

for (const target of databaseTargets) {
  describe(`ingest storage (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    const hooked: StoredSubmission[][] = [];
    before(async () => {
      collector = await startTestCollector(target);
      await seedTestHierarchy(collector.ctx);
      collector.ctx.afterIngest.push(async (rows) => {
        hooked.push(rows);
      });
    });
    after(() => collector.close());

    it('stores one row for 20 concurrent identical posts, and answers each with 202', async () => {
      const submission = makeSubmission();
      const responses = await Promise.all(Array.from({ length: 20 }, () => postSubmissions(collector.url, submission, { headers: { 'idempotency-key': submission.id } })));
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ accepted: number; duplicates: number }>;
      assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([202]));
      assert.equal(bodies.reduce((n, b) => n + b.accepted, 0), 1);
      assert.equal(bodies.reduce((n, b) => n + b.duplicates, 0), 19);
      const rows = await collector.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions WHERE id = $1', [submission.id]);
      assert.equal(rows[0]?.n, 1);
    });

    it('counts duplicates in a batch, within it and against earlier posts', async () => {
      const [a, b, c] = [makeSubmission(), makeSubmission(), makeSubmission()];
      assert.equal((await postSubmissions(collector.url, a)).status, 202);
      const res = await postSubmissions(collector.url, { submissions: [a, b, c, b] });
      assert.equal(res.status, 202);
      assert.deepEqual(await res.json(), { accepted: 2, duplicates: 2 });
    });

    it('accepts text/plain beacons with the key in the query', async () => {
      const submission = makeSubmission();
      const res = await postSubmissions(collector.url, submission, { key: null, contentType: 'text/plain;charset=UTF-8', query: '?key=pk_test' });
      assert.equal(res.status, 202);
      assert.deepEqual(await res.json(), { accepted: 1, duplicates: 0 });
      assert.ok(await storedRow(collector.ctx, submission.id));
    });

    it('fills the metric columns and keeps the body as sent, without the context token', async () => {
      const submission = makeSubmission({
        answers: [
          { questionId: 'mood', type: 'smiley', value: 4 },
          { questionId: 'rate', type: 'stars', value: 2 },
          { questionId: 'recommend', type: 'nps', value: 9 },
          { questionId: 'satisfied', type: 'csat', value: 3 },
          { questionId: 'why', type: 'text', value: ' Quick checkout ' },
          { questionId: 'blank', type: 'text', value: '   ' },
          { questionId: 'more', type: 'text', value: 'Nice music' },
        ],
        surveyVersion: 3,
        context: { locale: 'sv-SE' },
      });
      assert.equal((await postSubmissions(collector.url, submission)).status, 202);
      const row = await storedRow(collector.ctx, submission.id);
      assert.ok(row);
      assert.deepEqual(
        { nps: row.nps, csat: row.csat, smiley: row.smiley, stars: row.stars, min_score: row.min_score, comment: row.comment, survey_version: row.survey_version, locale: row.locale },
        { nps: 9, csat: 3, smiley: 4, stars: 2, min_score: 2, comment: 'Quick checkout\nNice music', survey_version: 3, locale: 'sv-SE' },
      );
      assert.deepEqual(row.body, submission);
      assert.equal(row.brand_id, 'acme');
      assert.equal(row.context_verified, false);
      assert.deepEqual(row.flags, []);
      assert.equal((row.created_at as Date).toISOString(), new Date(submission.createdAt).toISOString());
    });

    it('stores unknown hierarchy ids with flags instead of dropping them', async () => {
      const cases = [
        { context: { region: 'mars', store: '999', staff: ['emp-404'] }, expect: { region_id: 'mars', store_id: '999', flags: ['unknown_store', 'unknown_region', 'unknown_staff'] } },
        { context: { region: 'uk-south', store: '042', staff: ['emp-17'] }, expect: { region_id: 'uk-south', store_id: '042', flags: ['region_mismatch'] } },
        { context: { region: undefined, store: '017', staff: ['emp-31'] }, expect: { region_id: 'emea-north', store_id: '017', flags: [] } },
        { context: { region: undefined, store: undefined, staff: undefined, device: undefined }, expect: { region_id: null, store_id: null, flags: [] } },
      ];
      const submissions = cases.map((c) => makeSubmission({ context: c.context }));
      const res = await postSubmissions(collector.url, { submissions });
      assert.deepEqual(await res.json(), { accepted: 4, duplicates: 0 });
      for (const [i, c] of cases.entries()) {
        const row = await storedRow(collector.ctx, submissions[i]!.id);
        assert.deepEqual({ region_id: row?.region_id, store_id: row?.store_id, flags: row?.flags }, c.expect, `case ${i}`);
      }
    });

    it('hands newly stored rows to afterIngest hooks, and a failing hook fails nothing', async () => {
      collector.ctx.afterIngest.push(async () => {
        throw new Error('hook down');
      });
      try {
        hooked.length = 0;
        const submission = makeSubmission();
        const res = await postSubmissions(collector.url, submission);
        assert.equal(res.status, 202);
        await postSubmissions(collector.url, submission); // a duplicate reaches no hook
        await drainAfterIngest(collector.ctx);
        assert.equal(hooked.length, 1);
        assert.equal(hooked[0]![0]!.id, submission.id);
        assert.deepEqual(
          { brandId: hooked[0]![0]!.brandId, storeId: hooked[0]![0]!.storeId, staffIds: hooked[0]![0]!.staffIds, minScore: hooked[0]![0]!.minScore, channel: hooked[0]![0]!.channel },
          { brandId: 'acme', storeId: '042', staffIds: ['emp-17'], minScore: 4, channel: 'kiosk' },
        );
      } finally {
        collector.ctx.afterIngest.pop();
      }
    });

    it('stores values the wire format allows but PostgreSQL refuses (NUL, lone surrogates)', async () => {
      const odd = makeSubmission({
        createdAt: '2026-03-02T11:00:00+01:00',
        answers: [{ questionId: 'why', type: 'text', value: 'nul\u0000 and \ud800 lone' }],
        context: { tags: { 'k\u0000': 'v\udc00' } },
      });
      const neighbours = [makeSubmission(), makeSubmission()];
      const responses = await Promise.all([odd, ...neighbours].map((s) => postSubmissions(collector.url, s)));
      assert.deepEqual(responses.map((r) => r.status), [202, 202, 202]);
      const row = await storedRow(collector.ctx, odd.id);
      assert.equal(row?.comment, 'nul\ufffd and \ufffd lone');
      assert.deepEqual((row?.body as { context: { tags: unknown } }).context.tags, { 'k\ufffd': 'v\ufffd' });
      assert.equal((row?.created_at as Date).toISOString(), '2026-03-02T10:00:00.000Z');
    });

    it('refuses with 400 what the database cannot hold at all', async () => {
      const res = await postSubmissions(collector.url, { submissions: [makeSubmission(), makeSubmission({ createdAt: '0000-01-01T00:00:00Z', surveyVersion: 3_000_000_000 })] });
      assert.equal(res.status, 400);
      assert.deepEqual(((await res.json()) as { issues: unknown[] }).issues, [
        { path: 'submissions[1].createdAt', message: 'must be in year 1 or later' },
        { path: 'submissions[1].surveyVersion', message: 'must be at most 2147483647' },
      ]);
    });

    it('bulk-stores through storeSubmissions() for the seed, once per id', async () => {
      const submissions = Array.from({ length: 1200 }, (_, i) => makeSubmission({ answers: [{ questionId: 'mood', type: 'smiley', value: (i % 5) + 1 }] }));
      const first = await storeSubmissions(collector.ctx, 'acme', submissions);
      assert.equal(first.accepted, 1200);
      assert.equal(first.stored.length, 1200);
      const again = await storeSubmissions(collector.ctx, 'acme', submissions.slice(0, 10), { verified: true });
      assert.deepEqual({ accepted: again.accepted, duplicates: again.duplicates }, { accepted: 0, duplicates: 10 });
    });

    it('receives what the SDK http() transport sends, single and batched', async () => {
      const single = http(`${collector.url}/v1`, { key: 'pk_test' });
      const batched = http(`${collector.url}/v1`, { key: 'pk_test', batch: true });
      const signal = new AbortController().signal;
      const one = makeSubmission();
      assert.deepEqual(await single.send([one], signal), { status: 'sent' });
      const many = [makeSubmission(), makeSubmission(), one];
      assert.deepEqual(await batched.send(many, signal), { status: 'sent' });
      for (const s of many) assert.ok(await storedRow(collector.ctx, s.id));
      const unknownKey = http(`${collector.url}/v1`, { key: 'pk_nope' });
      const refused = await unknownKey.send([makeSubmission()], signal);
      assert.equal(refused.status, 'rejected');
    });
  });
}
