import { expect } from '@open-wc/testing';
import { classifyError, classifyResponse } from '../../../sdk/transport/classify.js';
import { never } from './make-submission.js';

// Most outcomes are covered end to end in http.test.ts. These cannot be: Chromium resends a
// request answered 408 on a reused connection by itself, so the transport never sees that 408.
const response = (status: number, body = '', headers: Record<string, string> = {}) => new Response(status === 204 ? null : body, { status, headers });

describe('classify', () => {
  const now = Date.UTC(2026, 10, 23, 10, 15, 0);

  it('counts every 2xx as delivered', async () => {
    expect(await classifyResponse(response(202, '{"accepted":1}'), now)).to.deep.equal({ status: 'sent' });
    expect(await classifyResponse(response(204), now)).to.deep.equal({ status: 'sent' });
  });

  it('retries 408 as a server problem', async () => {
    expect(await classifyResponse(response(408), now)).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 408, message: 'HTTP 408' });
  });

  it('reads Retry-After against the given clock', async () => {
    const answer = response(503, '', { 'retry-after': 'Mon, 23 Nov 2026 10:15:30 GMT' });
    expect(await classifyResponse(answer, now)).to.deep.equal({ status: 'retry', reason: 'server', httpStatus: 503, retryAfterMs: 30_000, message: 'HTTP 503' });
  });

  it('marks 429 as rate limited', async () => {
    expect(await classifyResponse(response(429, '', { 'retry-after': '7' }), now)).to.deep.equal({
      status: 'retry',
      reason: 'rate_limited',
      httpStatus: 429,
      retryAfterMs: 7000,
      message: 'HTTP 429',
    });
  });

  it('rejects other 4xx with the server message', async () => {
    expect(await classifyResponse(response(409, '{"error":"conflict"}'), now)).to.deep.equal({ status: 'rejected', httpStatus: 409, message: 'conflict' });
    expect(await classifyResponse(response(410, '  gone for good  '), now)).to.deep.equal({ status: 'rejected', httpStatus: 410, message: 'gone for good' });
    expect(await classifyResponse(response(400, '{"issues":[]}'), now)).to.deep.equal({ status: 'rejected', httpStatus: 400, message: '{"issues":[]}' });
    expect(await classifyResponse(response(404), now)).to.deep.equal({ status: 'rejected', httpStatus: 404, message: 'HTTP 404' });
  });

  it('tells timeouts, network errors and anything else apart', () => {
    expect(classifyError(new DOMException('aborted', 'AbortError'), never(), true)).to.deep.equal({ status: 'retry', reason: 'timeout', message: 'request timed out' });
    expect(classifyError(new TypeError('Failed to fetch'), never(), false)).to.deep.equal({ status: 'retry', reason: 'network', message: 'Failed to fetch' });
    expect(classifyError(new Error('boom'), never(), false)).to.deep.equal({ status: 'retry', reason: 'error', message: 'boom' });
    expect(classifyError('odd', never(), false)).to.deep.equal({ status: 'retry', reason: 'error', message: 'odd' });
  });

  it('never rejects once the signal has aborted, whatever the error', () => {
    expect(classifyError(new TypeError('Failed to fetch'), AbortSignal.abort(), true)).to.deep.equal({ status: 'retry', reason: 'error', message: 'aborted' });
  });
});
