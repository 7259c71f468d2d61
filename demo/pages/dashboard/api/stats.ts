import {
  CommentsResponseSchema,
  DistributionResponseSchema,
  KudosResponseSchema,
  StatsResponseSchema,
  TopicsResponseSchema,
  TrendResponseSchema,
  type Audience,
  type CommentsResponse,
  type DistributionResponse,
  type KudosResponse,
  type StatsResponse,
  type TopicsResponse,
  type TrendResponse,
} from '../../../server/stats/types.js';
import type { DateRange } from '../router/date-range.js';
import type { RouteScope } from '../router/route.js';
import { childLevel } from '../router/scope.js';
import { request } from './http.js';

/** The stats API's selection for a place, a date range and an audience (the server still decides what the user may see). */
export function statsQuery(scope: RouteScope, range: DateRange, channel: Audience): URLSearchParams {
  const query = new URLSearchParams();
  let level = childLevel(scope);
  // Employee pulse is never broken down per person: a store's pulse lists the store itself.
  if (channel === 'employee' && level === 'staff') level = 'store';
  query.set('level', level);
  if (scope.region) query.set('region', scope.region);
  if (scope.store) query.set('store', scope.store);
  if (scope.staff && channel !== 'employee') query.set('staff', scope.staff);
  query.set('from', range.from);
  query.set('to', range.to);
  if (channel === 'employee') query.set('channel', 'employee');
  return query;
}

/** Everything a report view shows, from one selection, fetched in parallel. */
export interface Report {
  readonly stats: StatsResponse;
  readonly trend: TrendResponse;
  readonly distribution: DistributionResponse;
  readonly comments: CommentsResponse;
}

/** How many recent comments a report lists. */
const RECENT_COMMENTS = 20;

export async function fetchReport(query: URLSearchParams, signal: AbortSignal): Promise<Report> {
  const selection = new URLSearchParams(query);
  selection.delete('level');
  const comments = new URLSearchParams(selection);
  comments.set('limit', String(RECENT_COMMENTS));
  const [stats, trend, distribution, recent] = await Promise.all([
    request('/v1/stats', StatsResponseSchema, { query, signal }),
    request('/v1/stats/trend', TrendResponseSchema, { query: selection, signal }),
    request('/v1/stats/distribution', DistributionResponseSchema, { query: selection, signal }),
    request('/v1/stats/comments', CommentsResponseSchema, { query: comments, signal }),
  ]);
  return { stats, trend, distribution, comments: recent };
}

export function fetchKudos(query: URLSearchParams, signal: AbortSignal): Promise<KudosResponse> {
  const selection = new URLSearchParams(query);
  selection.delete('level');
  selection.delete('channel');
  return request('/v1/stats/kudos', KudosResponseSchema, { query: selection, signal });
}

/** What comments talk about in a selection (`GET /v1/stats/topics`): counts, the previous period, weekly mentions. */
export function fetchTopics(query: URLSearchParams, signal: AbortSignal): Promise<TopicsResponse> {
  const selection = new URLSearchParams(query);
  selection.delete('level');
  return request('/v1/stats/topics', TopicsResponseSchema, { query: selection, signal });
}

/** The newest comments of a selection tagged with `topic` (`GET /v1/stats/comments?topic=`). */
export function fetchTopicComments(query: URLSearchParams, topic: string, signal: AbortSignal): Promise<CommentsResponse> {
  const selection = new URLSearchParams(query);
  selection.delete('level');
  selection.set('topic', topic);
  selection.set('limit', String(RECENT_COMMENTS));
  return request('/v1/stats/comments', CommentsResponseSchema, { query: selection, signal });
}

/** The CSV download of a selection (same scope and dates as the figures on screen). */
export function exportHref(query: URLSearchParams): string {
  return `/v1/stats/export.csv?${query}`;
}
