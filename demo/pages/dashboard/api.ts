import type { CommentsResponse, DistributionResponse, KudosResponse, StatsResponse, TrendResponse } from '../../server/stats/types.js';

/** A dashboard user, as /v1/auth/me and login return it. */
export interface Me {
  user: { id: number; email: string; name: string; role: 'corporate' | 'regional' | 'store' | 'staff'; brandId: string; regionId: string | null; storeId: string | null; staffId: string | null };
  csrfToken: string;
  expiresAt: string;
  staffMinResponses: number;
}

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

async function read<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  let message = `Request failed (${res.status})`;
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // not JSON: keep the generic message
  }
  throw new ApiFailure(res.status, message);
}

/** The signed-in user, or undefined when there is no session. */
export async function fetchMe(): Promise<Me | undefined> {
  const res = await fetch('/v1/auth/me', { credentials: 'same-origin' });
  if (res.status === 401) return undefined;
  return read<Me>(res);
}

export async function login(email: string, password: string): Promise<Me> {
  const res = await fetch('/v1/auth/login', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return read<Me>(res);
}

export async function logout(csrfToken: string): Promise<void> {
  const res = await fetch('/v1/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok && res.status !== 401) await read(res);
}

/** Everything one view shows, fetched in parallel. */
export interface ViewData {
  stats: StatsResponse;
  trend: TrendResponse;
  distribution: DistributionResponse;
  comments: CommentsResponse;
}

const get = <T>(path: string, query: URLSearchParams, signal: AbortSignal) => fetch(`${path}?${query}`, { credentials: 'same-origin', signal }).then((res) => read<T>(res));

export async function fetchView(query: URLSearchParams, signal: AbortSignal): Promise<ViewData> {
  const base = new URLSearchParams(query);
  base.delete('level');
  const [stats, trend, distribution, comments] = await Promise.all([
    get<StatsResponse>('/v1/stats', query, signal),
    get<TrendResponse>('/v1/stats/trend', base, signal),
    get<DistributionResponse>('/v1/stats/distribution', base, signal),
    get<CommentsResponse>('/v1/stats/comments', withLimit(base, 20), signal),
  ]);
  return { stats, trend, distribution, comments };
}

export function fetchKudos(query: URLSearchParams, signal: AbortSignal): Promise<KudosResponse> {
  const q = new URLSearchParams(query);
  q.delete('level');
  q.delete('channel');
  return get<KudosResponse>('/v1/stats/kudos', q, signal);
}

function withLimit(query: URLSearchParams, limit: number): URLSearchParams {
  const q = new URLSearchParams(query);
  q.set('limit', String(limit));
  return q;
}
