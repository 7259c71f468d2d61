import { expect } from '@open-wc/testing';
import { setOffline, testCollector } from '../../support/collector.js';
import { submission, submissions } from './make-submission.js';

// The transport tests trust the test collector to behave like the real one; these pin that down.
const post = (url: string, body: unknown, init: RequestInit = {}) =>
  fetch(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...init });

describe('test collector', () => {
  it('stores each id once and counts duplicates, for single and batch bodies', async () => {
    const collector = await testCollector();
    const [a, b] = submissions(2);

    const first = await post(collector.submissionsUrl, a, { headers: { 'content-type': 'application/json' } });
    const second = await post(collector.submissionsUrl, { submissions: [a, b] }, { headers: { 'content-type': 'text/plain' } });

    expect([first.status, await first.json()]).to.deep.equal([202, { accepted: 1, duplicates: 0 }]);
    expect([second.status, await second.json()]).to.deep.equal([202, { accepted: 1, duplicates: 1 }]);
    const state = await collector.state();
    expect(state.stored).to.deep.equal([a!.id, b!.id]);
    expect(state.storedCount).to.equal(2);
    expect(state.duplicates).to.equal(1);
    expect(state.requests.map((r) => [r.ids, r.contentType])).to.deep.equal([
      [[a!.id], 'application/json'],
      [[a!.id, b!.id], 'text/plain'],
    ]);
  });

  it('answers 400 with issues for invalid JSON, a missing id, or more than 100', async () => {
    const collector = await testCollector();

    const invalid = await post(collector.submissionsUrl, '{nope');
    const missing = await post(collector.submissionsUrl, { submissions: [submission(), { surveyId: 'x' }] });
    const tooMany = await post(collector.submissionsUrl, { submissions: submissions(101) });

    expect([invalid.status, await invalid.json()]).to.deep.equal([400, { error: 'invalid JSON', issues: [{ path: '', message: 'must be valid JSON' }] }]);
    expect([missing.status, await missing.json()]).to.deep.equal([400, { error: 'invalid submission', issues: [{ path: 'submissions[1].id', message: 'is required' }] }]);
    expect([tooMany.status, await tooMany.json()]).to.deep.equal([400, { error: 'invalid submission', issues: [{ path: 'submissions', message: 'must have at most 100 items' }] }]);
    expect((await collector.state()).storedCount).to.equal(0);
  });

  it('answers 413 over 64 KB', async () => {
    const collector = await testCollector();
    const res = await post(collector.submissionsUrl, 'x'.repeat(64 * 1024 + 1));
    expect(res.status).to.equal(413);
    expect((await collector.state()).requests[0]!.bytes).to.equal(64 * 1024 + 1);
  });

  it('requires the configured key as a Bearer token or ?key=', async () => {
    const collector = await testCollector();
    await collector.requireKey('pk_test');

    const none = await post(collector.submissionsUrl, submission());
    const bearer = await post(collector.submissionsUrl, submission(), { headers: { authorization: 'Bearer pk_test' } });
    const query = await post(`${collector.submissionsUrl}?key=pk_test`, submission());
    const wrong = await post(`${collector.submissionsUrl}?key=pk_nope`, submission());

    expect([none.status, bearer.status, query.status, wrong.status]).to.deep.equal([401, 202, 202, 401]);
  });

  it('applies queued faults in order, one per request', async () => {
    const collector = await testCollector();
    await collector.fail({ status: 429, retryAfter: '3' }, { status: 400, body: { error: 'nope' } });

    const first = await post(collector.submissionsUrl, submission());
    const second = await post(collector.submissionsUrl, submission());
    const third = await post(collector.submissionsUrl, submission());

    expect([first.status, first.headers.get('retry-after')]).to.deep.equal([429, '3']);
    expect([second.status, await second.json()]).to.deep.equal([400, { error: 'nope' }]);
    expect(third.status).to.equal(202);
    expect((await collector.state()).requests.map((r) => r.fault)).to.deep.equal(['status', 'status', null]);
  });

  it('handles a 2xx fault as a success, stored, and a hang like a normal request', async () => {
    const collector = await testCollector();
    await collector.fail({ status: 200, body: { ok: 1 } }, { hangMs: 10 }, { hangMs: 10, thenStatus: 503 });
    const [a, b, c] = submissions(3);

    const first = await post(collector.submissionsUrl, a);
    const second = await post(collector.submissionsUrl, b);
    const third = await post(collector.submissionsUrl, c);

    expect([first.status, await first.json()]).to.deep.equal([200, { ok: 1 }]);
    expect([second.status, await second.json()]).to.deep.equal([202, { accepted: 1, duplicates: 0 }]);
    expect(third.status).to.equal(503);
    const state = await collector.state();
    expect(state.stored).to.deep.equal([a!.id, b!.id]);
    expect(state.requests.map((r) => r.fault)).to.deep.equal(['status', 'hang', 'hang']);
  });

  it('answers 503 while down', async () => {
    const collector = await testCollector();
    await collector.down(true);
    const down = await post(collector.submissionsUrl, submission());
    await collector.down(false);
    const up = await post(collector.submissionsUrl, submission());
    expect([down.status, up.status]).to.deep.equal([503, 202]);
  });

  it('fails the same requests for the same seed', async () => {
    const run = async () => {
      const collector = await testCollector();
      await collector.failRate(0.5, 42);
      for (let i = 0; i < 12; i++) await post(collector.submissionsUrl, submission()).catch(() => undefined);
      // Chromium may resend a request whose reused connection was reset, adding requests; the
      // collector's n-th decision is still the same, so compare the first 12.
      return (await collector.state()).requests.slice(0, 12).map((r) => r.status);
    };
    const [first, second] = [await run(), await run()];
    expect(first).to.deep.equal(second);
    expect(first.filter((s) => s === 202).length).to.be.within(1, 11);
  });

  it('forgets everything on reset', async () => {
    const collector = await testCollector();
    await post(collector.submissionsUrl, submission());
    await collector.requireKey('pk_test');
    await collector.fail({ status: 500 });

    await collector.reset();

    expect(await collector.state()).to.deep.equal({ requests: [], stored: [], storedCount: 0, duplicates: 0 });
    expect((await post(collector.submissionsUrl, submission())).status).to.equal(202);
  });

  it('keeps collectors apart', async () => {
    const [one, two] = [await testCollector(), await testCollector()];
    await post(one.submissionsUrl, submission());
    expect((await one.state()).storedCount).to.equal(1);
    expect((await two.state()).storedCount).to.equal(0);
  });

  it('refuses an unknown control action', async () => {
    const collector = await testCollector();
    const res = await post(collector.endpoint.replace(/v1$/, '__control'), { action: 'explode' });
    expect([res.status, await res.json()]).to.deep.equal([400, { error: 'unknown action "explode"' }]);
  });

  it('cuts the network for real with setOffline', async () => {
    const events: string[] = [];
    const record = (event: Event) => events.push(event.type);
    addEventListener('offline', record);
    addEventListener('online', record);
    const collector = await testCollector();
    try {
      await setOffline(true);
      expect(navigator.onLine).to.equal(false);
      const failed = await post(collector.submissionsUrl, submission()).then(
        () => 'delivered',
        (error: unknown) => String(error),
      );
      expect(failed).to.equal('TypeError: Failed to fetch');
    } finally {
      await setOffline(false);
      removeEventListener('offline', record);
      removeEventListener('online', record);
    }
    expect(navigator.onLine).to.equal(true);
    expect(events).to.deep.equal(['offline', 'online']);
    expect((await post(collector.submissionsUrl, submission())).status).to.equal(202);
    expect((await collector.state()).requests).to.have.length(1);
  });
});
