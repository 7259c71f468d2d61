import * as z from 'zod/mini';

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
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly query?: URLSearchParams;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** The session's token, sent as `X-CSRF-Token` (every state-changing request needs it). */
  readonly csrfToken?: string;
  readonly signal?: AbortSignal;
}

/**
 * The one place the dashboard touches the network: same-origin, cookies included. Everything
 * else builds on it, so moving to the SDK's HTTP layer later means changing this function only.
 * Aborts propagate as the browser's `AbortError`; other network failures become an
 * {@link ApiFailure} of kind `network`.
 */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  const query = options.query?.toString();
  try {
    return await fetch(query ? `${path}?${query}` : path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiFailure('network', 0, `${path}: ${error instanceof Error ? error.message : String(error)}`);
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
  const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
  return new ApiFailure('http', res.status, message, code, issues, Number.isFinite(retryAfter) ? retryAfter : undefined);
}
