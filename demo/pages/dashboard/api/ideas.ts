import * as z from 'zod/mini';
import { IdeaListResponseSchema, IdeaMetricsResponseSchema, IdeaSchema, type Idea, type IdeaListResponse, type IdeaMetricsResponse } from '../../../server/ideas/types.js';
import type { Session } from './session.js';
import { request } from './http.js';

const IdeaAnswerSchema = z.object({ idea: IdeaSchema });

/** The ideas the user may see: their store's (staff, store managers), or escalated ones (region, corporate). */
export function fetchIdeas(signal: AbortSignal): Promise<IdeaListResponse> {
  return request('/v1/ideas', IdeaListResponseSchema, { signal });
}

/** A staff member's idea; anonymous unless `signed`. */
export async function submitIdea(session: Session, text: string, signed: boolean): Promise<Idea> {
  return (await request('/v1/ideas', IdeaAnswerSchema, { method: 'POST', body: { text, signed }, csrfToken: session.csrfToken })).idea;
}

/** A manager's answer: a status and, for the team, a reply. */
export async function answerIdea(session: Session, idea: Pick<Idea, 'id' | 'version'>, status: string, reply: string | null): Promise<Idea> {
  return (await request(`/v1/ideas/${encodeURIComponent(idea.id)}`, IdeaAnswerSchema, { method: 'PATCH', body: { version: idea.version, status, reply }, csrfToken: session.csrfToken })).idea;
}

/** Idea volume and response rates per store or region. */
export function fetchIdeaMetrics(level: 'store' | 'region', range: { from: string; to: string }, signal: AbortSignal): Promise<IdeaMetricsResponse> {
  return request('/v1/ideas/metrics', IdeaMetricsResponseSchema, { query: new URLSearchParams({ level, from: range.from, to: range.to }), signal });
}
