import { expect } from '@open-wc/testing';
import ky from 'ky';
import { http } from '../../../sdk/transport/index.js';
import { batchKey } from '../../../sdk/transport/encode.js';
import type { Submission } from '../../../sdk/index.js';
import { setOffline, testCollector, waitFor, type CollectorState } from '../../support/collector.js';
import { largeSubmission, never, submission, submissions } from './make-submission.js';

/** What the collector stores of a submission: its JSON, parsed back. */
const wire = (s: Submission): unknown => JSON.parse(JSON.stringify(s));
const statuses = (state: CollectorState) => state.requests.map((r) => r.status);
/** Keeps in-request backoff short so retry tests run fast; jitter makes it 0..50 ms. */
const fast = { limit: 2, backoffLimit: 50 };

describe('http transport', () => {
  describe('delivery', () => {
    it('posts one submission as the object itself, keyed by its id', async () => {
      const collector = await testCollector();
      const s = submission();

      const result = await http(collector.endpoint).send([s], never());

      expect(result).to.deep.equal({ status: 'sent' });
      const state = await collector.state();
      expect(state.requests).to.have.length(1);
      const [request] = state.requests;
      expect(request!.body).to.deep.equal(wire(s));
      expect(request!.idempotencyKey).to.equal(s.id);
      expect(request!.contentType).to.equal('application/json');
      expect(request!.authorization).to.equal(null);
      expect(request!.status).to.equal(202);
      expect(state.stored).to.deep.equal([s.id]);
    });

    it('sends the write key as a Bearer token', async () => {
      const collector = await testCollector();
      await collector.requireKey('pk_test');

      const result = await http(collector.endpoint, { key: 'pk_test' }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'sent' });
      const [request] = (await collector.state()).requests;
      expect(request!.authorization).to.equal('Bearer pk_test');
      expect(request!.query).to.equal('');
    });

    it('posts any URL that is not a versioned collector base as given', async () => {
      const collector = await testCollector();
      expect(await http(collector.submissionsUrl).send([submission()], never())).to.deep.equal({ status: 'sent' });
      expect((await collector.state()).storedCount).to.equal(1);
    });

    it('accepts a trailing slash on the endpoint', async () => {
      const collector = await testCollector();
      expect(await http(`${collector.endpoint}/`).send([submission()], never())).to.deep.equal({ status: 'sent' });
      expect((await collector.state()).storedCount).to.equal(1);
    });

    it('sends extra headers, but keeps its own Idempotency-Key', async () => {
      const collector = await testCollector();
      const s = submission();
      const transport = http(collector.endpoint, {
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Idempotency-Key': 'mine' },
      });

      expect(await transport.send([s], never())).to.deep.equal({ status: 'sent' });

      const [request] = (await collector.state()).requests;
      expect(request!.contentType).to.equal('text/plain;charset=UTF-8');
      expect(request!.idempotencyKey).to.equal(s.id);
    });

    it('sends nothing for an empty batch', async () => {
      const collector = await testCollector();
      expect(await http(collector.endpoint).send([], never())).to.deep.equal({ status: 'sent' });
      expect((await collector.state()).requests).to.have.length(0);
    });
  });

  describe('batches', () => {
    it('advertises how many submissions one send may carry', () => {
      expect(http('/v1').batchSize).to.equal(1);
      expect(http('/v1', { batch: true }).batchSize).to.equal(100);
      expect(http('/v1', { batch: 25 }).batchSize).to.equal(25);
      expect(http('/v1', { batch: 500 }).batchSize).to.equal(100);
      expect(http('/v1', { batch: 0 }).batchSize).to.equal(1);
      expect(http('/v1', { batch: 2.7 }).batchSize).to.equal(2);
    });

    it('sends several as { submissions } under a key derived from their ids, the same on resend', async () => {
      const collector = await testCollector();
      const batch = submissions(3);
      const transport = http(collector.endpoint, { batch: true });

      expect(await transport.send(batch, never())).to.deep.equal({ status: 'sent' });
      expect(await transport.send(batch, never())).to.deep.equal({ status: 'sent' });

      const state = await collector.state();
      const ids = batch.map((s) => s.id);
      expect(state.requests.map((r) => r.body)).to.deep.equal([{ submissions: batch.map(wire) }, { submissions: batch.map(wire) }]);
      expect(state.requests.map((r) => r.idempotencyKey)).to.deep.equal([batchKey(ids), batchKey(ids)]);
      expect(batchKey(ids)).to.match(/^batch-[0-9a-f]{16}$/);
      expect(state.stored).to.deep.equal(ids);
      expect(state.duplicates).to.equal(3);
    });

    it('carries at most 100 per request', async () => {
      const collector = await testCollector();
      const batch = submissions(150);

      expect(await http(collector.endpoint, { batch: true }).send(batch, never())).to.deep.equal({ status: 'sent' });

      const state = await collector.state();
      expect(state.requests.map((r) => r.ids.length)).to.deep.equal([100, 50]);
      expect(state.requests.map((r) => r.idempotencyKey)).to.deep.equal([
        batchKey(batch.slice(0, 100).map((s) => s.id)),
        batchKey(batch.slice(100).map((s) => s.id)),
      ]);
      expect(state.stored).to.deep.equal(batch.map((s) => s.id));
    });

    it('carries at most the given number per request', async () => {
      const collector = await testCollector();
      const batch = submissions(5);

      expect(await http(collector.endpoint, { batch: 2 }).send(batch, never())).to.deep.equal({ status: 'sent' });

      const state = await collector.state();
      expect(state.requests.map((r) => r.ids.length)).to.deep.equal([2, 2, 1]);
      // A part of one goes unwrapped, keyed by its id.
      expect(state.requests[2]!.body).to.deep.equal(wire(batch[4]!));
      expect(state.requests[2]!.idempotencyKey).to.equal(batch[4]!.id);
    });

    it('without batching sends each submission alone', async () => {
      const collector = await testCollector();
      const batch = submissions(3);

      expect(await http(collector.endpoint).send(batch, never())).to.deep.equal({ status: 'sent' });

      const state = await collector.state();
      expect(state.requests.map((r) => r.body)).to.deep.equal(batch.map(wire));
      expect(state.requests.map((r) => r.idempotencyKey)).to.deep.equal(batch.map((s) => s.id));
    });

    it('keeps each request under 64 KB', async () => {
      const collector = await testCollector();
      const batch = [largeSubmission(), largeSubmission(), largeSubmission()];

      expect(await http(collector.endpoint, { batch: true }).send(batch, never())).to.deep.equal({ status: 'sent' });

      const state = await collector.state();
      expect(state.requests.map((r) => r.ids)).to.deep.equal([[batch[0]!.id, batch[1]!.id], [batch[2]!.id]]);
      for (const request of state.requests) expect(request.bytes).to.be.at.most(64 * 1024);
      expect(statuses(state)).to.deep.equal([202, 202]);
    });

    it('stops at the first part that fails and reports it', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 202 }, { status: 400, body: { error: 'second part refused' } });
      const batch = submissions(5);

      const result = await http(collector.endpoint, { batch: 2 }).send(batch, never());

      expect(result).to.deep.equal({ status: 'rejected', httpStatus: 400, message: 'second part refused' });
      const state = await collector.state();
      expect(state.requests).to.have.length(2);
      expect(state.stored).to.deep.equal([batch[0]!.id, batch[1]!.id]);
    });
  });

  describe('retries', () => {
    it('retries 500 within the limit, with the same Idempotency-Key, and succeeds', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 500 }, { status: 500 });
      const s = submission();

      const result = await http(collector.endpoint, { retry: fast }).send([s], never());

      expect(result).to.deep.equal({ status: 'sent' });
      const state = await collector.state();
      expect(statuses(state)).to.deep.equal([500, 500, 202]);
      expect(state.requests.map((r) => r.idempotencyKey)).to.deep.equal([s.id, s.id, s.id]);
      expect(state.stored).to.deep.equal([s.id]);
    });

    it('hands 500 beyond the limit to the outbox as a retry', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 500 }, { status: 500 }, { status: 500 });
      const s = submission();
      const transport = http(collector.endpoint, { retry: fast });

      const result = await transport.send([s], never());

      expect(result).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 500, message: 'HTTP 500' });
      let state = await collector.state();
      expect(statuses(state)).to.deep.equal([500, 500, 500]);
      expect(state.storedCount).to.equal(0);

      // The outbox tries again later; by then the server is fine.
      expect(await transport.send([s], never())).to.deep.equal({ status: 'sent' });
      state = await collector.state();
      expect(state.stored).to.deep.equal([s.id]);
    });

    it('does not retry within send when the limit is 0', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 502 });

      const result = await http(collector.endpoint, { retry: { limit: 0 } }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 502, message: 'HTTP 502' });
      expect((await collector.state()).requests).to.have.length(1);
    });

    it('treats other 5xx as worth retrying later, without retrying them within send', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 507 });

      const result = await http(collector.endpoint, { retry: fast }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 507, message: 'HTTP 507' });
      expect((await collector.state()).requests).to.have.length(1);
    });

    it('waits out a short Retry-After on 429 before retrying', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 429, retryAfter: '1' });

      const result = await http(collector.endpoint, { retry: fast }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'sent' });
      const [first, second] = (await collector.state()).requests;
      expect([first!.status, second!.status]).to.deep.equal([429, 202]);
      // Server clock on both ends; backoff alone (backoffLimit 50) would be far shorter.
      expect(second!.at - first!.answeredAt!).to.be.at.least(950);
    });

    it('hands a Retry-After longer than maxRetryAfter to the outbox at once', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 429, retryAfter: '120' });

      const result = await http(collector.endpoint, { retry: fast }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'retry', reason: 'rate_limited', httpStatus: 429, retryAfterMs: 120_000, message: 'HTTP 429' });
      expect((await collector.state()).requests).to.have.length(1);
    });

    it('reads Retry-After given as an HTTP-date', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 503, retryAfter: new Date(Date.now() + 60_000).toUTCString() });

      const result = await http(collector.endpoint, { retry: fast }).send([submission()], never());

      expect(result.status === 'retry' && result.reason).to.equal('server');
      // An HTTP-date has whole seconds, so up to a second is lost.
      const retryAfterMs = result.status === 'retry' ? result.retryAfterMs : undefined;
      expect(retryAfterMs).to.be.within(58_000, 60_000);
      expect((await collector.state()).requests).to.have.length(1);
    });

    it('reports Retry-After even on a status it does not wait for', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 500, retryAfter: '30' });

      const result = await http(collector.endpoint, { retry: { limit: 0 } }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 500, retryAfterMs: 30_000, message: 'HTTP 500' });
    });
  });

  describe('timeouts and network failures', () => {
    it('reports a hung request as a timeout; the late arrival is stored once', async () => {
      const collector = await testCollector();
      await collector.fail({ hangMs: 1500 });
      const s = submission();
      const transport = http(collector.endpoint, { timeout: 300, retry: { limit: 0 } });

      const result = await transport.send([s], never());

      expect(result).to.deep.equal({ status: 'retry', reason: 'timeout', message: 'request timed out' });
      // The server finishes the request the client gave up on...
      let state = await waitFor(async () => {
        const st = await collector.state();
        return st.requests[0]?.status === 202 && st;
      });
      expect(state.stored).to.deep.equal([s.id]);
      // ...so the outbox's resend is a duplicate, not a second copy.
      expect(await transport.send([s], never())).to.deep.equal({ status: 'sent' });
      state = await collector.state();
      expect(state.stored).to.deep.equal([s.id]);
      expect(state.duplicates).to.equal(1);
    });

    it('retries after a timeout within send', async () => {
      const collector = await testCollector();
      await collector.fail({ hangMs: 1000 });
      const s = submission();

      const result = await http(collector.endpoint, { timeout: 300, retry: fast }).send([s], never());

      expect(result).to.deep.equal({ status: 'sent' });
      const state = await waitFor(async () => {
        const st = await collector.state();
        return st.requests.length === 2 && st.requests.every((r) => r.status === 202) && st;
      });
      expect(state.stored).to.deep.equal([s.id]);
      expect(state.duplicates).to.equal(1);
      expect(state.requests.map((r) => r.fault)).to.deep.equal(['hang', null]);
    });

    it('reports a reset connection as a network failure', async () => {
      const collector = await testCollector();
      // Chromium resends a request whose reused keep-alive connection was reset, on the next idle
      // connection of its pool (up to 6 per host): queue more resets than it can have connections.
      await collector.fail(...Array.from({ length: 12 }, () => ({ reset: true as const })));

      const result = await http(collector.endpoint, { retry: { limit: 0 } }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'retry', reason: 'network', message: 'Failed to fetch' });
      const state = await collector.state();
      expect(state.requests.length).to.be.at.least(1);
      expect(state.requests.every((r) => r.fault === 'reset' && r.status === null)).to.equal(true);
      expect(state.storedCount).to.equal(0);
    });

    describe('offline', () => {
      afterEach(() => setOffline(false));

      it('reports a network failure without retrying, and delivers once back online', async () => {
        const collector = await testCollector();
        const transport = http(collector.endpoint, { retry: { limit: 10, backoffLimit: 3000 } });
        const s = submission();
        await setOffline(true);
        expect(navigator.onLine).to.equal(false);

        // Count the browser's fetch calls (the transport itself is not replaced): one attempt, no retries.
        const realFetch = window.fetch;
        let calls = 0;
        window.fetch = (...args: Parameters<typeof fetch>) => (calls++, realFetch(...args));
        let result;
        try {
          result = await transport.send([s], never());
        } finally {
          window.fetch = realFetch;
        }

        expect(result).to.deep.equal({ status: 'retry', reason: 'network', message: 'Failed to fetch' });
        // Backing off while offline would only delay the outbox, which waits for 'online' instead.
        expect(calls).to.equal(1);
        await setOffline(false);
        expect((await collector.state()).requests).to.have.length(0);

        expect(await transport.send([s], never())).to.deep.equal({ status: 'sent' });
        expect((await collector.state()).stored).to.deep.equal([s.id]);
      });
    });
  });

  describe('refusals', () => {
    it('rejects on 400 with the server message', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 400, body: { error: 'surveyId: unknown survey' } });

      const result = await http(collector.endpoint, { retry: fast }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'rejected', httpStatus: 400, message: 'surveyId: unknown survey' });
      expect((await collector.state()).requests).to.have.length(1);
    });

    it('rejects what the collector finds invalid', async () => {
      const collector = await testCollector();
      const invalid = { ...submission(), id: '' };

      const result = await http(collector.endpoint).send([invalid], never());

      expect(result).to.deep.equal({ status: 'rejected', httpStatus: 400, message: 'invalid submission' });
    });

    it('rejects without the write key the collector requires', async () => {
      const collector = await testCollector();
      await collector.requireKey('pk_test');

      const result = await http(collector.endpoint, { key: 'pk_wrong' }).send([submission()], never());

      expect(result).to.deep.equal({ status: 'rejected', httpStatus: 401, message: 'missing or invalid write key' });
    });

    it('uses a message field, else the body text cut to 500 characters, else the status', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 403, body: { message: 'store 042 is closed' } }, { status: 422, body: 'y'.repeat(800) }, { status: 410, body: '' });
      const transport = http(collector.endpoint);

      expect(await transport.send([submission()], never())).to.deep.equal({ status: 'rejected', httpStatus: 403, message: 'store 042 is closed' });
      expect(await transport.send([submission()], never())).to.deep.equal({ status: 'rejected', httpStatus: 422, message: 'y'.repeat(500) });
      expect(await transport.send([submission()], never())).to.deep.equal({ status: 'rejected', httpStatus: 410, message: 'HTTP 410' });
    });

    it('rejects a body over 64 KB without retrying it', async () => {
      const collector = await testCollector();
      const huge = submission({
        answers: Array.from({ length: 14 }, (_, i) => ({ questionId: `q${i}`, type: 'text' as const, value: 'z'.repeat(5000) })),
      });

      const result = await http(collector.endpoint, { retry: fast }).send([huge], never());

      expect(result).to.deep.equal({ status: 'rejected', httpStatus: 413, message: 'body over 65536 bytes' });
      expect((await collector.state()).requests).to.have.length(1);
    });
  });

  describe('ky hooks and instances', () => {
    it('runs beforeRequest hooks before every attempt: a fresh Authorization header each time', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 503 });
      let token = 0;
      const transport = http(collector.endpoint, {
        key: 'pk_stale',
        retry: fast,
        hooks: { beforeRequest: [(request) => void request.headers.set('authorization', `Bearer token-${++token}`)] },
      });

      expect(await transport.send([submission()], never())).to.deep.equal({ status: 'sent' });
      expect(await transport.send([submission()], never())).to.deep.equal({ status: 'sent' });

      const state = await collector.state();
      expect(state.requests.map((r) => [r.status, r.authorization])).to.deep.equal([
        [503, 'Bearer token-1'],
        [202, 'Bearer token-2'],
        [202, 'Bearer token-3'],
      ]);
      expect(state.storedCount).to.equal(2);
    });

    it('runs beforeRetry hooks before each in-request retry, keeping the Idempotency-Key', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 503 }, { status: 500 });
      const s = submission();
      const retries: number[] = [];
      const transport = http(collector.endpoint, {
        retry: fast,
        hooks: { beforeRetry: [({ request, retryCount }) => void (retries.push(retryCount), request.headers.set('x-attempt', String(retryCount + 1)))] },
      });

      expect(await transport.send([s], never())).to.deep.equal({ status: 'sent' });

      expect(retries).to.deep.equal([1, 2]);
      const state = await collector.state();
      expect(statuses(state)).to.deep.equal([503, 500, 202]);
      expect(state.requests.map((r) => r.idempotencyKey)).to.deep.equal([s.id, s.id, s.id]);
    });

    it('sends through a ky instance of your own, with its defaults and hooks', async () => {
      const collector = await testCollector();
      const seen: string[] = [];
      const own = ky.create({
        headers: { 'x-tenant': 'acme' },
        hooks: { beforeRequest: [(request) => void seen.push(`${request.method} ${request.headers.get('x-tenant')} ${request.headers.get('idempotency-key')}`)] },
      });
      const s = submission();

      expect(await http(collector.endpoint, { ky: own, key: 'pk_test' }).send([s], never())).to.deep.equal({ status: 'sent' });

      expect(seen).to.deep.equal([`POST acme ${s.id}`]);
      const [request] = (await collector.state()).requests;
      expect(request!.authorization).to.equal('Bearer pk_test');
      expect(request!.idempotencyKey).to.equal(s.id);
    });

    it('keeps its own retry policy on your instance: POSTs are retried, 4xx refused', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 502 }, { status: 409, body: { error: 'conflict' } });
      const own = ky.create({ retry: { limit: 0 } });
      const transport = http(collector.endpoint, { ky: own, retry: fast });

      expect(await transport.send([submission()], never())).to.deep.equal({ status: 'rejected', httpStatus: 409, message: 'conflict' });
      expect(statuses(await collector.state())).to.deep.equal([502, 409]);
    });
  });

  describe('abort', () => {
    it('ends a hung request when the signal aborts, as a retry', async () => {
      const collector = await testCollector();
      await collector.fail({ hangMs: 3000 });
      const controller = new AbortController();

      const sending = http(collector.endpoint, { retry: fast }).send([submission()], controller.signal);
      await waitFor(async () => (await collector.state()).requests.length === 1);
      controller.abort();

      expect(await sending).to.deep.equal({ status: 'retry', reason: 'error', message: 'aborted' });
    });

    it('ends a Retry-After wait when the signal aborts', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 503, retryAfter: '5' });
      const controller = new AbortController();

      const started = performance.now();
      const sending = http(collector.endpoint, { retry: fast }).send([submission()], controller.signal);
      await waitFor(async () => (await collector.state()).requests[0]?.status === 503);
      controller.abort(new Error('client destroyed'));

      expect(await sending).to.deep.equal({ status: 'retry', reason: 'error', message: 'aborted' });
      expect(performance.now() - started).to.be.below(4000);
      expect((await collector.state()).requests).to.have.length(1);
    });

    it('sends nothing when the signal is already aborted', async () => {
      const collector = await testCollector();

      const result = await http(collector.endpoint).send([submission()], AbortSignal.abort());

      expect(result).to.deep.equal({ status: 'retry', reason: 'error', message: 'aborted' });
      expect((await collector.state()).requests).to.have.length(0);
    });
  });
});
