import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { ApiError } from '../http/errors.js';
import type { CollectorMetrics } from './registry.js';

/** What an accepted ingest request answered (`{ accepted, duplicates }`). */
export interface IngestOutcome {
  accepted: number;
  duplicates: number;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by the ingest route next to its 202 answer, for {@link recordRequests}. */
    ingestOutcome: IngestOutcome;
  }
}

/** Answers an ingest request with 202 `{ accepted, duplicates }` and notes it for the metrics. */
export function acceptedAnswer(c: Context, outcome: IngestOutcome): Response {
  c.set('ingestOutcome', outcome);
  return c.json(outcome, 202);
}

/** The label of requests no route answered (404s for made-up paths must not each become a series). */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The route pattern that answered (`/v1/admin/brands/:brand`), never the raw path. */
export function routeOf(c: Context): string {
  // Middleware registered with `use` is method ALL; the last other match is the handler's route.
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i]!.method !== 'ALL') return routes[i]!.path;
  return UNMATCHED_ROUTE;
}

/** An error code of ours (`invalid_submission`); anything else is counted as `other`. */
const ERROR_CODE = /^[a-z][a-z_]{0,47}$/;

/**
 * Records every request: its latency by route pattern, 429s, and for `POST /v1/submissions` the
 * outcome the client was answered: the counts the route noted beside its 202
 * ({@link acceptedAnswer}), the code of the error it threw, or else the answer's own `error`
 * field. Reading every answer back (cloning and parsing the response) cost a twentieth of
 * ingest's CPU, so only answers nobody noted (a CORS refusal) are read.
 */
export function recordRequests(metrics: CollectorMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = routeOf(c);
    const status = c.res.status;
    metrics.httpDuration.observe({ method: c.req.method, route, status: String(status) }, (performance.now() - started) / 1000);
    if (status === 429) metrics.rateLimited.inc({ route });
    if (route === '/v1/submissions' && c.req.method === 'POST') await recordIngest(metrics, c, status);
  };
}

async function recordIngest(metrics: CollectorMetrics, c: Context, status: number): Promise<void> {
  const noted = status === 202 ? c.get('ingestOutcome') : c.error instanceof ApiError && c.error.status === status ? { error: c.error.code } : undefined;
  const body =
    noted ??
    (await c.res
      .clone()
      .json()
      .catch(() => undefined));
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (status === 202) {
    if (typeof fields.accepted === 'number') metrics.ingestSubmissions.inc({ outcome: 'accepted' }, fields.accepted);
    if (typeof fields.duplicates === 'number') metrics.ingestSubmissions.inc({ outcome: 'duplicate' }, fields.duplicates);
  } else if (status >= 400 && status < 500) {
    metrics.ingestRejected.inc({ reason: typeof fields.error === 'string' && ERROR_CODE.test(fields.error) ? fields.error : 'other' });
  }
}
