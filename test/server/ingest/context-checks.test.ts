import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signContextToken, verifyContextToken, type ContextTokenPayload } from '../../../demo/server/ingest/context-token.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy, storedRow, TOKEN_SECRET } from '../support/ingest.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const DAY = 86_400;

const token = (payload: Partial<ContextTokenPayload> = {}) => signContextToken({ brand: 'acme', store: '042', exp: nowSeconds + 3600, ...payload }, TOKEN_SECRET);

describe('context token lifetime (unit)', () => {
  it('refuses a token whose exp − iat, or without iat exp − now, exceeds the maximum, and says so', () => {
    const year = verifyContextToken(token({ iat: nowSeconds, exp: nowSeconds + 365 * DAY }), [TOKEN_SECRET], NOW);
    assert.deepEqual(year, {
      ok: false,
      code: 'token_invalid',
      message: 'context token lives 365 days (exp − iat), longer than the collector accepts (7 days, CONTEXT_TOKEN_MAX_LIFETIME_SECONDS): issue shorter-lived tokens',
    });
    const noIat = verifyContextToken(token({ exp: nowSeconds + 30 * DAY }), [TOKEN_SECRET], NOW);
    assert.equal(noIat.ok, false);
    assert.match(!noIat.ok ? noIat.message : '', /lives 30 days \(exp − now, no iat\)/);
    assert.equal(verifyContextToken(token({ iat: nowSeconds - 6 * DAY, exp: nowSeconds + DAY }), [TOKEN_SECRET], NOW).ok, true, 'exactly 7 days');
    assert.equal(verifyContextToken(token({ iat: nowSeconds, exp: nowSeconds + 2 * 3600 }), [TOKEN_SECRET], NOW, { maxLifetimeSeconds: 3600 }).ok, false);
  });
});

for (const target of databaseTargets) {
  describe(`context verification against the hierarchy (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target, { CONTEXT_TOKEN_SECRETS: TOKEN_SECRET, CONTEXT_TOKEN_MODE: 'required' }, { now: () => NOW });
      await seedTestHierarchy(collector.ctx);
    });
    after(() => collector.close());

    const post = async (overrides: Parameters<typeof makeSubmission>[0]) => {
      const submission = makeSubmission({ createdAt: NOW.toISOString(), ...overrides });
      const res = await postSubmissions(collector.url, submission);
      return { res, body: (await res.json()) as Record<string, unknown>, row: res.status === 202 ? await storedRow(collector.ctx, submission.id) : undefined };
    };

    it('refuses a region that contradicts the verified store’s region (security review)', async () => {
      const { res, body } = await post({ context: { region: 'uk-south', staff: undefined }, contextToken: token() });
      assert.equal(res.status, 403);
      assert.deepEqual(body, {
        error: 'context_mismatch',
        message: 'context.region "uk-south" contradicts the context token\'s store "042", which is in region "emea-north"',
      });
      const batch = await postSubmissions(collector.url, { submissions: [makeSubmission({ contextToken: token(), context: { staff: undefined } }), makeSubmission({ contextToken: token(), context: { region: 'uk-south', staff: undefined } })] });
      assert.equal(batch.status, 403);
      assert.match(((await batch.json()) as { message: string }).message, /^submissions\[1\]: context\.region "uk-south"/);
    });

    it('files a verified submission under its store’s region, given or left out', async () => {
      const given = await post({ context: { region: 'emea-north', staff: undefined }, contextToken: token() });
      const omitted = await post({ context: { region: undefined, staff: undefined }, contextToken: token() });
      for (const { res, row } of [given, omitted]) {
        assert.equal(res.status, 202);
        assert.deepEqual([row?.region_id, row?.store_id, row?.context_verified, row?.flags], ['emea-north', '042', true, []]);
      }
    });

    it('marks only staff named in the token as verified: others are kept, flagged unverified_staff (security review)', async () => {
      const unnamed = await post({ context: { staff: ['emp-17'] }, contextToken: token() });
      assert.equal(unnamed.res.status, 202);
      assert.deepEqual([unnamed.row?.staff_ids, unnamed.row?.context_verified, unnamed.row?.flags], [['emp-17'], true, ['unverified_staff']]);
      const named = await post({ context: { staff: ['emp-17'] }, contextToken: token({ staff: ['emp-17', 'emp-21'] }) });
      assert.deepEqual([named.row?.staff_ids, named.row?.flags], [['emp-17'], []]);
      const fromToken = await post({ context: { staff: undefined }, contextToken: token({ staff: ['emp-21'] }) });
      assert.deepEqual([fromToken.row?.staff_ids, fromToken.row?.flags], [['emp-21'], []]);
    });

    it('refuses a token that lives longer than CONTEXT_TOKEN_MAX_LIFETIME_SECONDS with 401', async () => {
      const { res, body } = await post({ context: { staff: undefined }, contextToken: token({ iat: nowSeconds, exp: nowSeconds + 30 * DAY }) });
      assert.equal(res.status, 401);
      assert.equal(body.error, 'token_invalid');
      assert.match(String(body.message), /lives 30 days .* longer than the collector accepts \(7 days, CONTEXT_TOKEN_MAX_LIFETIME_SECONDS\)/);
      const config = collector.ctx.config;
      try {
        config.CONTEXT_TOKEN_MAX_LIFETIME_SECONDS = 31 * DAY;
        assert.equal((await post({ context: { staff: undefined }, contextToken: token({ iat: nowSeconds, exp: nowSeconds + 30 * DAY }) })).res.status, 202);
      } finally {
        config.CONTEXT_TOKEN_MAX_LIFETIME_SECONDS = 7 * DAY;
      }
    });
  });
}
