import type { Context } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { groupMinimum, protectionOf, type Protection } from '../privacy/anonymity.js';
import { dateRange, StatsQuerySchema, type StatsQuery } from './params.js';
import { narrow, scopeOf, type Filter, type Segments } from './scope.js';
import { brandTimeZones } from './time-zones.js';
import { CUSTOMER_CHANNELS } from './types.js';

/** A validated request: its parameters, the filter it may see, and the minimum that applies. */
export interface Selection {
  query: StatsQuery;
  filter: Filter;
  /** How the whole selection is protected (privacy/anonymity.ts). */
  protection: Protection;
  /** Minimum responses for the whole selection's scores (0: none). */
  summaryMinimum: number;
  /** Minimum responses for each group's scores at `query.level` (0: none). */
  groupMinimum: number;
}

/**
 * Parses and authorizes the query of any stats endpoint: 400 for a bad or repeated parameter,
 * 403 for one outside the user's scope. The scope comes from the session, never the query.
 */
export async function select(c: Context<AuthEnv>, ctx: AppContext): Promise<Selection> {
  // `?store=mine&store=theirs` must not mean one thing to the check and another to the query.
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1).map(([key]) => key);
  if (repeated.length > 0) {
    throw new ApiError(400, 'validation_failed', 'A query parameter is repeated', { issues: repeated.map((key) => ({ path: [key], message: 'must be given once' })) });
  }
  const parsed = StatsQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError(400, 'validation_failed', 'Invalid query parameters', { issues: parsed.error.issues });
  const query = parsed.data;
  const { user } = c.var.session;
  const range = dateRange(query, ctx.now(), await brandTimeZones(ctx.db, user.brandId, ctx.now().getTime()));
  if ('error' in range) throw new ApiError(400, 'validation_failed', 'Invalid date range', { issues: [{ path: ['from'], message: range.error }] });

  const employee = query.channel === 'employee';
  // Employee pulse is anonymous feedback about the workplace: never shown per person, and not
  // to staff accounts, whose scope is feedback about themselves.
  if (employee && user.role === 'staff') throw new ApiError(403, 'forbidden', 'Employee pulse is for managers');
  if (employee && (query.level === 'staff' || query.staff !== undefined)) {
    throw new ApiError(400, 'validation_failed', 'Employee pulse is reported per team, not per person', { issues: [{ path: ['channel'], message: 'employee pulse has no staff level' }] });
  }
  const segments = segmentsOf(query);
  // Individuals and pulse have no rollups by segment (and pulse keeps no language or device).
  const unsegmentable = employee ? 'employee pulse' : query.level === 'staff' || query.staff !== undefined ? 'individual results' : undefined;
  const extra = (['survey', 'device', 'locale'] as const).filter((key) => query[key] !== undefined);
  if (unsegmentable && extra.length > 0) {
    throw new ApiError(400, 'validation_failed', `Segments are not available for ${unsegmentable}`, { issues: extra.map((key) => ({ path: [key], message: `not available for ${unsegmentable}` })) });
  }
  const scope = await scopeOf(ctx.db, user);
  const narrowed = await narrow(ctx.db, scope, query);
  const filter: Filter = { ...narrowed, ...range, channel: employee ? 'employee' : 'customer', segments };
  const minimum = ctx.config.STAFF_MIN_RESPONSES;
  const protection = protectionOf(filter, minimum);
  return { query, filter, protection, summaryMinimum: protection.minimum, groupMinimum: groupMinimum(filter, query.level, minimum) };
}

function segmentsOf(query: StatsQuery): Segments {
  const channel = (CUSTOMER_CHANNELS as readonly string[]).includes(query.channel) ? (query.channel as Segments['channel']) : undefined;
  return {
    ...(channel && { channel }),
    ...(query.survey !== undefined && { survey: query.survey }),
    ...(query.device !== undefined && { device: query.device }),
    ...(query.locale !== undefined && { lang: query.locale }),
  };
}
