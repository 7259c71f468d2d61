// The small HTTP servers the benchmarks start on loopback: pages, bundles, and stub collectors.
import { createServer } from 'node:http';

/** The limits every benchmark server has unless it asks for others: no request hangs a run. */
const LIMITS = { headersTimeout: 5_000, requestTimeout: 10_000 };

/**
 * Serves `route(req, pathname, send)` on 127.0.0.1, on a port the OS picks; `send(status, headers,
 * body)` answers. `settings` are set on the server (e.g. `{ keepAliveTimeout: 1_000 }`). Resolves
 * with the server's `origin` and `close()`, which also ends kept-alive connections.
 */
export async function serveLoopback(route, settings = {}) {
  const http = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    route(req, pathname, (status, headers, body) => res.writeHead(status, headers).end(body));
  });
  Object.assign(http, LIMITS, settings);
  await new Promise((resolve, reject) => http.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${http.address().port}`,
    close: () => new Promise((resolve) => (http.closeAllConnections(), http.close(() => resolve()))),
  };
}

/** The collector's limit on one request body (DESIGN.md), which the stub collectors keep too. */
export const MAX_BODY = 64 * 1024;

/**
 * Reads a request body: `{ body }` (a Buffer), or `{ tooLarge: true }` once it is over `limit`
 * bytes (what comes after is drained, not kept).
 */
export function readBody(req, limit = MAX_BODY) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? { tooLarge: true } : { body: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

/** The submissions in a collector request body: one object, or `{ submissions: [...] }`. Throws on bad JSON. */
export function submissionsIn(body) {
  const parsed = JSON.parse(body.toString('utf8'));
  return Array.isArray(parsed.submissions) ? parsed.submissions : [parsed];
}
