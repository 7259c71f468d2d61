import {
  AnswersResponseSchema,
  CommentsResponseSchema,
  DistributionResponseSchema,
  KudosResponseSchema,
  StatsResponseSchema,
  type AnswersResponse,
  TopicsResponseSchema,
  type Audience,
  type CommentsResponse,
  type DistributionResponse,
  type KudosResponse,
  type StatsResponse,
  type TopicsResponse,
} from '../../../server/stats/types.js';
import type { DateRange } from '../router/date-range.js';
import type { RouteScope } from '../router/route.js';
import { childLevel } from '../router/scope.js';
import { hasSegments, segmentParams, type Segments } from '../router/segments.js';
import { request } from './http.js';

/**
 * The stats API's selection for a place, a date range, an audience and segments (the server
 * still decides what the user may see). With segments, a store lists itself rather than its
 * staff: the collector keeps no segments per person.
 */
export function statsQuery(scope: RouteScope, range: DateRange, channel: Audience, segments: Segments = {}): URLSearchParams {
  const query = new URLSearchParams();
  let level = childLevel(scope);
  // Employee pulse is never broken down per person: a store's pulse lists the store itself.
  if (channel === 'employee' && level === 'staff') level = 'store';
  const segmented = channel === 'customer' && hasSegments(segments);
  if (segmented && level === 'staff' && scope.staff === undefined) level = 'store';
  query.set('level', level);
  if (scope.region) query.set('region', scope.region);
  if (scope.store) query.set('store', scope.store);
  if (scope.staff && channel !== 'employee') query.set('staff', scope.staff);
  query.set('from', range.from);
  query.set('to', range.to);
  if (channel === 'employee') query.set('channel', 'employee');
  else for (const [name, value] of Object.entries(segmentParams(segments))) query.set(name, value);
  return query;
}

/** The query without `level` (the endpoints other than `/v1/stats` take none). */
export function selectionOf(query: URLSearchParams): URLSearchParams {
  const selection = new URLSearchParams(query);
  selection.delete('level');
  return selection;
}

/** Everything a report view shows from one request key (the trend and the movers ask on their own: see sv-trend, sv-movers). */
export interface Report {
  readonly stats: StatsResponse;
  readonly distribution: DistributionResponse;
  readonly comments: CommentsResponse;
}

/** How many recent comments a report lists. */
const RECENT_COMMENTS = 20;

export async function fetchReport(query: URLSearchParams, signal: AbortSignal): Promise<Report> {
  const selection = selectionOf(query);
  const comments = new URLSearchParams(selection);
  comments.set('limit', String(RECENT_COMMENTS));
  const [stats, distribution, recent] = await Promise.all([
    request('/v1/stats', StatsResponseSchema, { query, signal }),
    request('/v1/stats/distribution', DistributionResponseSchema, { query: selection, signal }),
    request('/v1/stats/comments', CommentsResponseSchema, { query: comments, signal }),
  ]);
  return { stats, distribution, comments: recent };
}

/** The figures of a comparison: `/v1/stats` at one level (the store leaderboard, the regions). */
export function fetchStats(query: URLSearchParams, signal: AbortSignal): Promise<StatsResponse> {
  return request('/v1/stats', StatsResponseSchema, { query, signal });
}

/** Every question's answers in a selection (`/v1/stats/answers`). */
export function fetchAnswers(selection: URLSearchParams, signal: AbortSignal): Promise<AnswersResponse> {
  return request('/v1/stats/answers', AnswersResponseSchema, { query: selectionOf(selection), signal });
}

/** What narrows a comment list (`/v1/stats/comments`). */
export interface CommentFilters {
  readonly q?: string;
  readonly score?: string;
  readonly question?: string;
  readonly answer?: string;
}

/** One page of the selection's comments; `cursor` continues after the previous page. */
export function fetchComments(selection: URLSearchParams, filters: CommentFilters, limit: number, signal: AbortSignal, cursor?: string): Promise<CommentsResponse> {
  const query = selectionOf(selection);
  for (const [name, value] of Object.entries(filters)) if (typeof value === 'string' && value !== '') query.set(name, value);
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return request('/v1/stats/comments', CommentsResponseSchema, { query, signal });
}

export function fetchKudos(query: URLSearchParams, signal: AbortSignal): Promise<KudosResponse> {
  const selection = selectionOf(query);
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
