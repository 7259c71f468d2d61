import * as z from 'zod/mini';
import { SCORE_METRICS, type ScoreMetric } from '../../../server/stats/types.js';
import type { Session } from './session.js';
import { request, requestEmpty } from './http.js';

/** The levels a target is set at: the brand, a region, a store (a store without its own inherits). */
export const TARGET_LEVELS = ['brand', 'region', 'store'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

const TargetSchema = z.object({
  level: z.enum(TARGET_LEVELS),
  /** null for the brand. */
  id: z.nullable(z.string()),
  metric: z.enum(SCORE_METRICS),
  value: z.number(),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof TargetSchema>;

const TargetsResponseSchema = z.object({ targets: z.array(TargetSchema) });

/** Which target: the brand's, a region's or a store's, for one score. */
export interface TargetKey {
  readonly level: TargetLevel;
  /** The region or store; none for the brand. */
  readonly id?: string;
  readonly metric: ScoreMetric;
}

/** The targets the user may see (`GET /v1/targets`): the brand's, and their region's and stores'. */
export async function fetchTargets(signal: AbortSignal): Promise<Target[]> {
  return (await request('/v1/targets', TargetsResponseSchema, { signal })).targets;
}

/** Creates or replaces a target (`PUT /v1/targets`, with the session's CSRF token like every write). */
export async function saveTarget(session: Session, key: TargetKey, value: number): Promise<Target[]> {
  const body = { level: key.level, ...(key.id !== undefined && { id: key.id }), metric: key.metric, value };
  return (await request('/v1/targets', TargetsResponseSchema, { method: 'PUT', body, csrfToken: session.csrfToken })).targets;
}

/** Removes a target (`DELETE /v1/targets`); the place then inherits its region's or the brand's. */
export function deleteTarget(session: Session, key: TargetKey): Promise<void> {
  const query = new URLSearchParams({ level: key.level, metric: key.metric });
  if (key.id !== undefined) query.set('id', key.id);
  return requestEmpty('/v1/targets', { method: 'DELETE', query, csrfToken: session.csrfToken });
}
