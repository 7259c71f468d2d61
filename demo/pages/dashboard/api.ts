import * as z from 'zod/mini';
import { SessionBodySchema, type SessionBody } from '../../server/auth/session-body.js';
import {
  CommentsResponseSchema,
  DistributionResponseSchema,
  KudosResponseSchema,
  StatsResponseSchema,
  TrendResponseSchema,
  type CommentsResponse,
  type DistributionResponse,
  type KudosResponse,
  type StatsResponse,
  type TrendResponse,
} from '../../server/stats/types.js';

/** A dashboard user, as /v1/auth/me and login return it. */
export type Me = SessionBody;

/** An API error with the server's message, for display. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The response's JSON, checked against `schema`: a collector of another version (or a proxy's
 * error page served as 200) fails here with a message naming the field, not somewhere in a chart.
 */
async function read<S extends z.ZodMiniType>(res: Response, schema: S): Promise<z.infer<S>> {
  if (!res.ok) throw await failure(res);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiFailure(res.status, `${new URL(res.url).pathname} did not answer JSON; is this the StoreVoice collector?`);
  }
  const parsed = z.safeParse(schema, json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the body';
  throw new ApiFailure(res.status, `${new URL(res.url).pathname} answered in an unexpected shape (${where}: ${issue?.message ?? 'invalid'}); are the dashboard and the collector the same version?`);
}

async function failure(res: Response): Promise<ApiFailure> {
  let message = `Request failed (${res.status})`;
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // not JSON: keep the generic message
  }
  return new ApiFailure(res.status, message);
}

/** The signed-in user, or undefined when there is no session. */
export async function fetchMe(): Promise<Me | undefined> {
  const res = await fetch('/v1/auth/me', { credentials: 'same-origin' });
  if (res.status === 401) return undefined;
  return read(res, SessionBodySchema);
}

export async function login(email: string, password: string): Promise<Me> {
  const res = await fetch('/v1/auth/login', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return read(res, SessionBodySchema);
}

export async function logout(csrfToken: string): Promise<void> {
  const res = await fetch('/v1/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok && res.status !== 401) throw await failure(res);
}

/** Everything one view shows, fetched in parallel. */
export interface ViewData {
  stats: StatsResponse;
  trend: TrendResponse;
  distribution: DistributionResponse;
  comments: CommentsResponse;
}

const get = <S extends z.ZodMiniType>(path: string, query: URLSearchParams, signal: AbortSignal, schema: S) =>
  fetch(`${path}?${query}`, { credentials: 'same-origin', signal }).then((res) => read(res, schema));

export async function fetchView(query: URLSearchParams, signal: AbortSignal): Promise<ViewData> {
  const base = new URLSearchParams(query);
  base.delete('level');
  const [stats, trend, distribution, comments] = await Promise.all([
    get('/v1/stats', query, signal, StatsResponseSchema),
    get('/v1/stats/trend', base, signal, TrendResponseSchema),
    get('/v1/stats/distribution', base, signal, DistributionResponseSchema),
    get('/v1/stats/comments', withLimit(base, 20), signal, CommentsResponseSchema),
  ]);
  return { stats, trend, distribution, comments };
}

export function fetchKudos(query: URLSearchParams, signal: AbortSignal): Promise<KudosResponse> {
  const q = new URLSearchParams(query);
  q.delete('level');
  q.delete('channel');
  return get('/v1/stats/kudos', q, signal, KudosResponseSchema);
}

function withLimit(query: URLSearchParams, limit: number): URLSearchParams {
  const q = new URLSearchParams(query);
  q.set('limit', String(limit));
  return q;
}
