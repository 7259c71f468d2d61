import { isTimeoutError } from 'ky';
import * as z from 'zod/mini';
import { parseRetryAfter } from '../../../../sdk/transport/retry-after.js';
import { request as sdkRequest } from '../../../../sdk/transport/request.js';

/** Why a request failed: the collector said no (`http`), could not be reached (`network`), or answered in an unknown shape (`shape`). */
export type FailureKind = 'http' | 'network' | 'shape';

/** One problem the collector named (`{ path: ['from'], message: 'must not be after `to`' }`). */
export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * A failed API call, with what the dashboard needs to explain it: the status (0 when the
 * network failed), the collector's error code and message, and the fields it named.
 */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly issues: readonly ApiIssue[] = [],
    /** Seconds from a `Retry-After` header (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly query?: URLSearchParams;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** The session's token, sent as `X-CSRF-Token` (every state-changing request needs it). */
  readonly csrfToken?: string;
  readonly signal?: AbortSignal;
}

/**
 * The dashboard's client: the SDK's HTTP layer (ky with the SDK's defaults, sdk/transport/request.ts),
 * so the widget and the dashboard call the network one way. Three differences, each for a person
 * waiting at a screen rather than an outbox: the session cookie goes with every request (same
 * origin only); no automatic retries (a failed view says why and offers Retry, and a write is
 * never repeated behind the user's back); and a status is an answer to map, not an exception
 * (`throwHttpErrors: false`), because the collector's error body names the field.
 */
const api = sdkRequest.extend({
  credentials: 'same-origin',
  retry: 0,
  // Dashboard queries answer within a second on the rollups (bench/dashboard-queries.ts); a
  // request still waiting after this is stuck, and the view's error state says so.
  timeout: 30_000,
  throwHttpErrors: false,
});

/**
 * The one place the dashboard touches the network: same-origin, cookies included. Everything
 * else builds on it. Aborts propagate as the browser's `AbortError`; other network failures (and
 * timeouts) become an {@link ApiFailure} of kind `network`.
 */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  try {
    return await api(path, {
      method: options.method ?? 'GET',
      headers,
      ...(options.query && { searchParams: options.query }),
      ...(options.body !== undefined && { json: options.body }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = isTimeoutError(error) ? 'no answer in time' : error instanceof Error ? error.message : String(error);
    throw new ApiFailure('network', 0, `${path}: ${reason}`);
  }
}

/**
 * Calls the API and checks the answer against `schema`: a collector of another version (or a
 * proxy's error page served as 200) fails here with a message naming the field, not somewhere
 * in a chart.
 */
export async function request<S extends z.ZodMiniType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  const res = await send(path, options);
  if (!res.ok) throw await failureOf(path, res);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    if (options.signal?.aborted) throw options.signal.reason;
    throw new ApiFailure('shape', res.status, `${path} did not answer JSON; is this the StoreVoice collector?`);
  }
  const parsed = z.safeParse(schema, json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the body';
  throw new ApiFailure('shape', res.status, `${path} answered in an unexpected shape (${where}: ${issue?.message ?? 'invalid'}); are the dashboard and the collector the same version?`);
}

/** A request whose answer has no body worth reading (204, or a body the caller ignores). */
export async function requestEmpty(path: string, options: RequestOptions = {}): Promise<void> {
  const res = await send(path, options);
  if (!res.ok) throw await failureOf(path, res);
}

/** The collector's `{ error, message, issues? }` as an {@link ApiFailure}. */
async function failureOf(path: string, res: Response): Promise<ApiFailure> {
  let message = `${path} failed (${res.status})`;
  let code: string | undefined;
  let issues: ApiIssue[] = [];
  try {
    const body = (await res.json()) as { error?: unknown; message?: unknown; issues?: unknown };
    if (typeof body.message === 'string') message = body.message;
    if (typeof body.error === 'string') code = body.error;
    if (Array.isArray(body.issues)) {
      issues = body.issues
        .filter((i): i is { path: unknown[]; message: string } => typeof i === 'object' && i !== null && Array.isArray(i.path) && typeof i.message === 'string')
        .map((i) => ({ path: i.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number'), message: i.message }));
    }
  } catch {
    // not JSON: keep the generic message
  }
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
  return new ApiFailure('http', res.status, message, code, issues, retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000));
}
