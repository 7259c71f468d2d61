import * as z from 'zod/mini';
import {
  AnswersResponseSchema,
  CommentsResponseSchema,
  StatsResponseSchema,
  TopicsResponseSchema,
  TrendResponseSchema,
  type AnswersResponse,
  type CommentsResponse,
  type StatsResponse,
  type TopicsResponse,
  type TrendResponse,
} from '../../../../server/stats/types.js';
import { request, requestEmpty } from '../../api/http.js';

/** Everything the pulse view shows for one selection (scope, dates, `channel=employee`). */
export interface PulseReport {
  readonly stats: StatsResponse;
  /** Weekly: a pulse is weekly, and a day of a small team is too few answers to say anything. */
  readonly trend: TrendResponse;
  readonly answers: AnswersResponse;
  readonly topics: TopicsResponse;
  readonly comments: CommentsResponse;
}

const RECENT_COMMENTS = 20;

export async function fetchPulseReport(query: URLSearchParams, signal: AbortSignal): Promise<PulseReport> {
  const selection = new URLSearchParams(query);
  selection.delete('level');
  const weekly = new URLSearchParams(selection);
  weekly.set('bucket', 'week');
  const comments = new URLSearchParams(selection);
  comments.set('limit', String(RECENT_COMMENTS));
  const [stats, trend, answers, topics, recent] = await Promise.all([
    request('/v1/stats', StatsResponseSchema, { query, signal }),
    request('/v1/stats/trend', TrendResponseSchema, { query: weekly, signal }),
    request('/v1/stats/answers', AnswersResponseSchema, { query: selection, signal }),
    request('/v1/stats/topics', TopicsResponseSchema, { query: selection, signal }),
    request('/v1/stats/comments', CommentsResponseSchema, { query: comments, signal }),
  ]);
  return { stats, trend, answers, topics, comments: recent };
}

const PulseKeySchema = z.object({ key: z.string(), store: z.string(), createdAt: z.string(), revokedAt: z.nullable(z.string()) });
export const PulseLinkSchema = z.object({ store: z.string(), name: z.string(), region: z.string(), key: z.nullable(PulseKeySchema), url: z.nullable(z.string()) });
export type PulseLink = z.infer<typeof PulseLinkSchema>;

/** The pulse links of the stores the user hands them out for (demo/server/pulse/routes.ts). */
export async function fetchPulseLinks(signal: AbortSignal): Promise<PulseLink[]> {
  return (await request('/v1/pulse/links', z.object({ links: z.array(PulseLinkSchema) }), { signal })).links;
}

/** Makes the store's link, or replaces it (the old one stops working at once). */
export const replacePulseLink = (store: string, csrfToken: string): Promise<PulseLink> =>
  request(`/v1/pulse/links/${encodeURIComponent(store)}`, PulseLinkSchema, { method: 'POST', csrfToken });

export const revokePulseLink = (store: string, csrfToken: string): Promise<void> => requestEmpty(`/v1/pulse/links/${encodeURIComponent(store)}`, { method: 'DELETE', csrfToken });

/** The printable QR code of a store's link (SVG, drawn by the collector). */
export const pulseQrSrc = (store: string): string => `/v1/pulse/links/${encodeURIComponent(store)}/qr.svg`;
