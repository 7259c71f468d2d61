import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { MAX_SUBMISSION_BYTES, type Submission } from '../../../sdk/index.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy } from '../support/ingest.js';

/** Sends `body` in chunks without a Content-Length (Transfer-Encoding: chunked). */
function postChunked(url: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer pk_test' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer 413 and stop reading before every chunk is written.
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

for (const target of databaseTargets) {
  describe(`ingest validation (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target);
      await seedTestHierarchy(collector.ctx);
    });
    after(() => collector.close());

    it('answers 400 invalid_submission naming each bad field', async () => {
      const bad = { ...makeSubmission(), answers: [{ questionId: 'mood', type: 'smiley', value: 9 }], surveyid: 'typo' };
      const res = await postSubmissions(collector.url, bad);
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: string; message: string; issues: Array<{ path: string; message: string }> };
      assert.equal(body.error, 'invalid_submission');
      assert.match(body.message, /answers\[0\]\.value: must be at most 5/);
      assert.deepEqual(
        body.issues.map((i) => i.path).sort(),
        ['', 'answers[0].value'].sort(),
      );
      assert.ok(body.issues.some((i) => i.message === 'unknown field "surveyid"'));
    });

    it('names missing fields and wrong types', async () => {
      const noDate: Partial<Submission> = makeSubmission();
      delete noDate.createdAt;
      const res = await postSubmissions(collector.url, { ...noDate, schemaVersion: 2, id: 'not-a-uuid' });
      const body = (await res.json()) as { issues: Array<{ path: string; message: string }> };
      assert.equal(res.status, 400);
      const byPath = Object.fromEntries(body.issues.map((i) => [i.path, i.message]));
      assert.equal(byPath.createdAt, 'is required');
      assert.equal(byPath.id, 'must be a UUID');
      assert.equal(byPath.schemaVersion, 'must be 1');
    });

    it('puts the index of the bad submission in a batch path', async () => {
      const good = makeSubmission();
      const bad = makeSubmission({ context: { channel: 'tv' as never } });
      const res = await postSubmissions(collector.url, { submissions: [good, bad] });
      assert.equal(res.status, 400);
      const body = (await res.json()) as { issues: Array<{ path: string; message: string }> };
      assert.deepEqual(body.issues, [{ path: 'submissions[1].context.channel', message: 'must be "web" or "kiosk" or "app" or "qr" or "employee"' }]);
      const [row] = await collector.ctx.db.query('SELECT id FROM submissions WHERE id = $1', [good.id]);
      assert.equal(row, undefined, 'an invalid batch stores nothing');
    });

    it('refuses batches of more than 100 and empty batches', async () => {
      const big = await postSubmissions(collector.url, { submissions: Array.from({ length: 101 }, () => ({ id: 'x' })) });
      assert.equal(big.status, 400);
      const body = (await big.json()) as { issues: Array<{ path: string; message: string }> };
      assert.ok(body.issues.some((i) => i.path === 'submissions' && i.message === 'must have at most 100 items'), JSON.stringify(body.issues.slice(0, 3)));
      const empty = await postSubmissions(collector.url, { submissions: [] });
      assert.equal(empty.status, 400);
      assert.deepEqual(((await empty.json()) as { issues: unknown[] }).issues, [{ path: 'submissions', message: 'must not be empty' }]);
    });

    it('answers 400 invalid_json for malformed and empty bodies', async () => {
      const res = await postSubmissions(collector.url, '{"id": ');
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: string; message: string };
      assert.equal(body.error, 'invalid_json');
      assert.match(body.message, /^body is not valid JSON/);
      const empty = await postSubmissions(collector.url, '');
      assert.deepEqual(await empty.json(), { error: 'invalid_json', message: 'body is empty; expected JSON' });
    });

    it('answers 415 for other content types, and for none', async () => {
      const form = await postSubmissions(collector.url, JSON.stringify(makeSubmission()), { contentType: 'application/x-www-form-urlencoded' });
      assert.equal(form.status, 415);
      assert.deepEqual(await form.json(), { error: 'unsupported_media_type', message: 'Content-Type must be application/json or text/plain, not application/x-www-form-urlencoded' });
      const none = await fetch(`${collector.url}/v1/submissions`, { method: 'POST', headers: { authorization: 'Bearer pk_test' }, body: new TextEncoder().encode('{}') });
      assert.equal(none.status, 415);
    });

    it('answers 413 for a declared Content-Length over 64 KB', async () => {
      const huge = makeSubmission({ answers: [{ questionId: 'comment', type: 'text', value: 'x'.repeat(MAX_SUBMISSION_BYTES) }] });
      const res = await postSubmissions(collector.url, huge);
      assert.equal(res.status, 413);
      assert.deepEqual(await res.json(), { error: 'payload_too_large', message: `body over ${MAX_SUBMISSION_BYTES} bytes` });
    });

    it('answers 413 for a chunked body once it streams past 64 KB', async () => {
      const chunk = 'x'.repeat(16 * 1024);
      const res = await postChunked(collector.url, ['{"pad":"', chunk, chunk, chunk, chunk, chunk, '"}']);
      assert.equal(res.status, 413);
      assert.equal(JSON.parse(res.body).error, 'payload_too_large');
    });

    it('accepts a chunked body under the limit', async () => {
      const text = JSON.stringify(makeSubmission());
      const res = await postChunked(collector.url, [text.slice(0, 50), text.slice(50)]);
      assert.equal(res.status, 202, res.body);
    });

    it('requires a single submission\'s Idempotency-Key to be its id; batches may send batch-<hash>', async () => {
      const one = makeSubmission();
      const wrong = await postSubmissions(collector.url, one, { headers: { 'idempotency-key': 'something-else' } });
      assert.equal(wrong.status, 400);
      assert.equal(((await wrong.json()) as { error: string }).error, 'idempotency_key_mismatch');
      const right = await postSubmissions(collector.url, one, { headers: { 'idempotency-key': one.id } });
      assert.equal(right.status, 202);
      const batch = await postSubmissions(collector.url, { submissions: [makeSubmission(), makeSubmission()] }, { headers: { 'idempotency-key': 'batch-0123456789abcdef' } });
      assert.equal(batch.status, 202);
      assert.deepEqual(await batch.json(), { accepted: 2, duplicates: 0 });
    });
  });
}
