import { expect } from '@open-wc/testing';
import { HTTPError, TimeoutError, type NormalizedOptions } from 'ky';
import { classify } from '../../../sdk/transport/classify.js';
import { never } from './make-submission.js';

// Most outcomes are covered end to end in http.test.ts. These cannot be: Chromium resends a
// request answered 408 on a reused connection by itself, so the transport never sees that 408.
const request = new Request('https://feedback.example.com/v1/submissions', { method: 'POST' });

/** What ky throws for a status it does not accept. */
const answer = (status: number, body = '', headers: Record<string, string> = {}) => new HTTPError(new Response(body || null, { status, headers }), request, {} as NormalizedOptions);

describe('classify', () => {
  const now = Date.UTC(2026, 10, 23, 10, 15, 0);

  it('retries 408 as a server problem', async () => {
    expect(await classify(answer(408), never(), now)).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 408, message: 'HTTP 408' });
  });

  it('reads Retry-After against the given clock', async () => {
    const error = answer(503, '', { 'retry-after': 'Mon, 23 Nov 2026 10:15:30 GMT' });
    expect(await classify(error, never(), now)).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 503, retryAfterMs: 30_000, message: 'HTTP 503' });
  });

  it('marks 429 as rate limited', async () => {
    expect(await classify(answer(429, '', { 'retry-after': '7' }), never(), now)).to.deep.equal({
      status: 'retry',
      reason: 'rate_limited',
      httpStatus: 429,
      retryAfterMs: 7000,
      message: 'HTTP 429',
    });
  });

  it('rejects other 4xx with the server message', async () => {
    expect(await classify(answer(409, '{"error":"conflict"}'), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 409, message: 'conflict' });
    expect(await classify(answer(409, '{"message":"sent as text"}', { 'content-type': 'text/plain' }), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 409, message: 'sent as text' });
    expect(await classify(answer(410, '  gone for good  '), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 410, message: 'gone for good' });
    expect(await classify(answer(400, '{"issues":[]}'), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 400, message: '{"issues":[]}' });
    expect(await classify(answer(422, 'y'.repeat(800)), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 422, message: 'y'.repeat(500) });
    expect(await classify(answer(404), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 404, message: 'HTTP 404' });
  });

  it('tells timeouts, network errors and anything else apart', async () => {
    expect(await classify(new TimeoutError(request), never(), now)).to.deep.equal({ status: 'retry', reason: 'timeout', message: 'request timed out' });
    // fetch rejects with a TypeError for every network failure, whatever the browser calls it.
    expect(await classify(new TypeError('Failed to fetch'), never(), now)).to.deep.equal({ status: 'retry', reason: 'network', message: 'Failed to fetch' });
    expect(await classify(new TypeError('Load failed'), never(), now)).to.deep.equal({ status: 'retry', reason: 'network', message: 'Load failed' });
    expect(await classify(new Error('boom'), never(), now)).to.deep.equal({ status: 'retry', reason: 'error', message: 'boom' });
    expect(await classify('odd', never(), now)).to.deep.equal({ status: 'retry', reason: 'error', message: 'odd' });
  });

  it('never rejects once the signal has aborted, whatever the error', async () => {
    expect(await classify(answer(400, '{"error":"refused"}'), AbortSignal.abort(), now)).to.deep.equal({ status: 'retry', reason: 'error', message: 'aborted' });
    expect(await classify(new TimeoutError(request), AbortSignal.abort(), now)).to.deep.equal({ status: 'retry', reason: 'error', message: 'aborted' });
  });
});
