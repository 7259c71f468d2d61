import { expect } from '@open-wc/testing';
import { HTTPError, NetworkError, TimeoutError, type NormalizedOptions } from 'ky';
import { classify } from '../../../sdk/transport/classify.js';
import { never } from './make-submission.js';

// Most outcomes are covered end to end in http.test.ts. These cannot be: Chromium resends a
// request answered 408 on a reused connection by itself, so the transport never sees that 408.
const request = new Request('https://feedback.example.com/v1/submissions', { method: 'POST' });

/** What ky throws for a status it does not accept: the response, with its body read into `data`. */
function answer(status: number, data?: unknown, headers: Record<string, string> = {}): HTTPError {
  const error = new HTTPError(new Response(null, { status, headers }), request, {} as NormalizedOptions);
  error.data = data;
  return error;
}

describe('classify', () => {
  const now = Date.UTC(2026, 10, 23, 10, 15, 0);

  it('retries 408 as a server problem', () => {
    expect(classify(answer(408), never(), now)).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 408, message: 'HTTP 408' });
  });

  it('reads Retry-After against the given clock', () => {
    const error = answer(503, undefined, { 'retry-after': 'Mon, 23 Nov 2026 10:15:30 GMT' });
    expect(classify(error, never(), now)).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 503, retryAfterMs: 30_000, message: 'HTTP 503' });
  });

  it('marks 429 as rate limited', () => {
    expect(classify(answer(429, undefined, { 'retry-after': '7' }), never(), now)).to.deep.equal({
      status: 'retry',
      reason: 'rate_limited',
      httpStatus: 429,
      retryAfterMs: 7000,
      message: 'HTTP 429',
    });
  });

  it('rejects other 4xx with the server message, read as JSON or as text', () => {
    expect(classify(answer(409, { error: 'conflict' }), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 409, message: 'conflict' });
    expect(classify(answer(409, '{"message":"sent as text"}'), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 409, message: 'sent as text' });
    expect(classify(answer(410, '  gone for good  '), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 410, message: 'gone for good' });
    expect(classify(answer(400, { issues: [] }), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 400, message: '{"issues":[]}' });
    expect(classify(answer(422, 'y'.repeat(800)), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 422, message: 'y'.repeat(500) });
    expect(classify(answer(404), never(), now)).to.deep.equal({ status: 'rejected', httpStatus: 404, message: 'HTTP 404' });
  });

  it('tells timeouts, network errors and anything else apart', () => {
    const failed = new TypeError('Failed to fetch');
    expect(classify(new TimeoutError(request), never(), now)).to.deep.equal({ status: 'retry', reason: 'timeout', message: 'request timed out' });
    expect(classify(new NetworkError(request, { cause: failed }), never(), now)).to.deep.equal({ status: 'retry', reason: 'network', message: 'Failed to fetch' });
    // A network failure worded in a way ky does not recognise comes through as fetch's TypeError.
    expect(classify(new TypeError('Load failed'), never(), now)).to.deep.equal({ status: 'retry', reason: 'network', message: 'Load failed' });
    expect(classify(new Error('boom'), never(), now)).to.deep.equal({ status: 'retry', reason: 'error', message: 'boom' });
    expect(classify('odd', never(), now)).to.deep.equal({ status: 'retry', reason: 'error', message: 'odd' });
  });

  it('never rejects once the signal has aborted, whatever the error', () => {
    expect(classify(answer(400, { error: 'refused' }), AbortSignal.abort(), now)).to.deep.equal({ status: 'retry', reason: 'error', message: 'aborted' });
    expect(classify(new TimeoutError(request), AbortSignal.abort(), now)).to.deep.equal({ status: 'retry', reason: 'error', message: 'aborted' });
  });
});
