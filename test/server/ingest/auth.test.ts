import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signContextToken, verifyContextToken, type ContextTokenPayload } from '../../../demo/server/ingest/context-token.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { ADMIN_TOKEN, makeSubmission, postSubmissions, seedTestHierarchy, storedRow, TOKEN_SECRET } from '../support/ingest.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const inOneHour = NOW.getTime() / 1000 + 3600;
const OLD_SECRET = 'previous-context-secret-0123456789ab';

const token = (payload: Partial<ContextTokenPayload> = {}, secret = TOKEN_SECRET) =>
  signContextToken({ brand: 'acme', store: '042', staff: ['emp-17', 'emp-21'], device: 'kiosk-1', exp: inOneHour, ...payload }, secret);

describe('context tokens (unit)', () => {
  it('round-trips, accepts any configured secret, and refuses tampering', () => {
    const signed = token();
    assert.match(signed, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const ok = verifyContextToken(signed, [OLD_SECRET, TOKEN_SECRET], NOW);
    assert.ok(ok.ok && ok.payload.store === '042');
    const [body, sig] = signed.split('.') as [string, string];
    const forgedBody = Buffer.from(JSON.stringify({ brand: 'acme', store: '017', exp: inOneHour })).toString('base64url');
    assert.deepEqual(verifyContextToken(`${forgedBody}.${sig}`, [TOKEN_SECRET], NOW), { ok: false, code: 'token_invalid', message: 'context token signature does not match' });
    assert.equal(verifyContextToken(`${body}`, [TOKEN_SECRET], NOW).ok, false);
    assert.equal(verifyContextToken(signed, ['another-secret-0123456789abcdef0123'], NOW).ok, false);
  });
});

for (const target of databaseTargets) {
  describe(`write keys and context tokens (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target, { ADMIN_TOKEN, CONTEXT_TOKEN_SECRETS: `${TOKEN_SECRET},${OLD_SECRET}`, CONTEXT_TOKEN_MODE: 'optional' }, { now: () => NOW });
      await seedTestHierarchy(collector.ctx);
    });
    after(() => collector.close());

    const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: string; message: string }) });

    describe('write keys', () => {
      it('refuses a missing key with 401 and says how to send one', async () => {
        const res = await errorOf(await postSubmissions(collector.url, makeSubmission(), { key: null }));
        assert.deepEqual(res, { status: 401, error: 'missing_write_key', message: 'A write key is required: send "Authorization: Bearer <key>" or ?key=<key>' });
      });

      it('refuses an unknown key and a malformed Authorization header', async () => {
        assert.deepEqual(await errorOf(await postSubmissions(collector.url, makeSubmission(), { key: 'pk_nope' })), { status: 401, error: 'unknown_write_key', message: 'Unknown write key' });
        const basic = await postSubmissions(collector.url, makeSubmission(), { key: null, headers: { authorization: 'Basic Zm9vOmJhcg==' } });
        assert.equal((await errorOf(basic)).error, 'invalid_write_key');
      });

      it('refuses a key revoked through the admin API at once', async () => {
        const created = await fetch(`${collector.url}/v1/admin/brands/acme/keys`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        assert.equal(created.status, 201);
        const { key } = (await created.json()) as { key: string };
        assert.match(key, /^pk_/);
        assert.equal((await postSubmissions(collector.url, makeSubmission(), { key })).status, 202);
        const revoked = await fetch(`${collector.url}/v1/admin/brands/acme/keys/${key}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        assert.equal(revoked.status, 204);
        assert.deepEqual(await errorOf(await postSubmissions(collector.url, makeSubmission(), { key })), { status: 401, error: 'revoked_write_key', message: 'This write key has been revoked' });
      });

      it("stores under the key's brand and refuses another brand's context with 403", async () => {
        const res = await errorOf(await postSubmissions(collector.url, makeSubmission(), { key: 'pk_other' }));
        assert.deepEqual(res, { status: 403, error: 'brand_mismatch', message: 'context.brand "acme" is not the write key\'s brand "other"' });
        const batch = await errorOf(await postSubmissions(collector.url, { submissions: [makeSubmission({ context: { brand: 'other' } }), makeSubmission()] }, { key: 'pk_other' }));
        assert.equal(batch.status, 403);
        assert.match(batch.message, /^submissions\[1\]: context\.brand "acme"/);
        const noBrand = makeSubmission({ context: { brand: undefined } });
        assert.equal((await postSubmissions(collector.url, noBrand, { key: 'pk_other' })).status, 202);
        assert.equal((await storedRow(collector.ctx, noBrand.id))?.brand_id, 'other');
      });
    });

    describe('signed context tokens', () => {
      it('marks a submission with a valid token as verified, fills what it leaves out, and does not keep the token', async () => {
        const submission = makeSubmission({ contextToken: token(), context: { store: undefined, staff: undefined, device: undefined, region: undefined } });
        const res = await postSubmissions(collector.url, submission);
        assert.equal(res.status, 202);
        const row = await storedRow(collector.ctx, submission.id);
        assert.deepEqual(
          { verified: row?.context_verified, store: row?.store_id, region: row?.region_id, staff: row?.staff_ids, device: row?.device_id },
          { verified: true, store: '042', region: 'emea-north', staff: ['emp-17', 'emp-21'], device: 'kiosk-1' },
        );
        assert.equal((row?.body as Record<string, unknown>).contextToken, undefined);
      });

      it('accepts a token signed with an older secret still listed (rotation)', async () => {
        const res = await postSubmissions(collector.url, makeSubmission({ contextToken: token({}, OLD_SECRET) }));
        assert.equal(res.status, 202);
      });

      it('refuses an expired token with 401 token_expired', async () => {
        const res = await errorOf(await postSubmissions(collector.url, makeSubmission({ contextToken: token({ exp: NOW.getTime() / 1000 - 3600 }) })));
        assert.equal(res.status, 401);
        assert.equal(res.error, 'token_expired');
        assert.match(res.message, /context token expired at 2026-03-02T11:00:00.000Z/);
      });

      it('accepts a token valid at createdAt within CONTEXT_TOKEN_GRACE_SECONDS (late outbox delivery)', async () => {
        const config = collector.ctx.config;
        const expiredAnHourAgo = token({ exp: NOW.getTime() / 1000 - 3600 });
        const createdWhileValid = new Date(NOW.getTime() - 2 * 3600_000).toISOString();
        try {
          config.CONTEXT_TOKEN_GRACE_SECONDS = 7200;
          assert.equal((await postSubmissions(collector.url, makeSubmission({ contextToken: expiredAnHourAgo, createdAt: createdWhileValid }))).status, 202);
          // Created after the token expired: no grace.
          assert.equal((await postSubmissions(collector.url, makeSubmission({ contextToken: expiredAnHourAgo, createdAt: NOW.toISOString() }))).status, 401);
          config.CONTEXT_TOKEN_GRACE_SECONDS = 1800;
          assert.equal((await postSubmissions(collector.url, makeSubmission({ contextToken: expiredAnHourAgo, createdAt: createdWhileValid }))).status, 401);
        } finally {
          config.CONTEXT_TOKEN_GRACE_SECONDS = 0;
        }
      });

      it('refuses a forged token with 401 token_invalid', async () => {
        const forged = token({}, 'attacker-secret-0123456789abcdef01234');
        const res = await errorOf(await postSubmissions(collector.url, makeSubmission({ contextToken: forged })));
        assert.deepEqual(res, { status: 401, error: 'token_invalid', message: 'context token signature does not match' });
        const garbage = await errorOf(await postSubmissions(collector.url, makeSubmission({ contextToken: 'not-a-token' })));
        assert.equal(garbage.error, 'token_invalid');
      });

      it('refuses a context that contradicts its token with 403 context_mismatch', async () => {
        const cases: Array<[string, Parameters<typeof makeSubmission>[0]]> = [
          ['store', { context: { store: '017' } }],
          ['staff', { context: { staff: ['emp-31'] } }],
          ['device', { context: { device: 'kiosk-9' } }],
        ];
        for (const [field, overrides] of cases) {
          const res = await errorOf(await postSubmissions(collector.url, makeSubmission({ ...overrides, contextToken: token() })));
          assert.equal(res.status, 403, field);
          assert.equal(res.error, 'context_mismatch');
          assert.match(res.message, new RegExp(`^context\\.${field} `));
        }
        const otherBrand = await errorOf(await postSubmissions(collector.url, makeSubmission({ context: { brand: undefined }, contextToken: token({ brand: 'other' }) })));
        assert.equal(otherBrand.error, 'context_mismatch');
        // A subset of the token's staff is fine: the till had two people, the shopper named one.
        assert.equal((await postSubmissions(collector.url, makeSubmission({ context: { staff: ['emp-21'] }, contextToken: token() }))).status, 202);
      });

      it('requires a token in required mode, and ignores tokens in off mode', async () => {
        // The mode is read per request, so one collector can show all three.
        const config = collector.ctx.config;
        try {
          config.CONTEXT_TOKEN_MODE = 'required';
          const res = await errorOf(await postSubmissions(collector.url, makeSubmission()));
          assert.deepEqual(res, { status: 401, error: 'token_required', message: 'a signed context token is required (contextToken)' });
          assert.equal((await postSubmissions(collector.url, makeSubmission({ contextToken: token() }))).status, 202);
          config.CONTEXT_TOKEN_MODE = 'off';
          const ignored = makeSubmission({ contextToken: 'not-checked' });
          assert.equal((await postSubmissions(collector.url, ignored)).status, 202);
          assert.equal((await storedRow(collector.ctx, ignored.id))?.context_verified, false);
        } finally {
          config.CONTEXT_TOKEN_MODE = 'optional';
        }
      });
    });
  });
}
