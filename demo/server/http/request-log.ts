import type { MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's id (see {@link requestLog}): what other log lines of the request name instead of a person. */
    requestId: string;
  }
}

/**
 * One structured log line per request: method, path, status, duration and a request id (taken
 * from a proxy's X-Request-Id when it looks sane, echoed back). Never bodies, query strings
 * (beacons carry the write key there) or client addresses: feedback logs must not become PII.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    c.header('x-request-id', requestId);
    c.set('requestId', requestId);
    await next();
    const status = c.res.status;
    const level = status >= 500 ? 'error' : 'info';
    log[level]('request', { requestId, method: c.req.method, path: c.req.path, status, ms: Math.round((performance.now() - started) * 10) / 10 });
  };
}
