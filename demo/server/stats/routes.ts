import { Hono } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { ApiError, errorResponse } from '../http/errors.js';
import { distribution, toKpis } from './counts.js';
import { toCsv, type Cell } from './csv.js';
import { isDisclosed } from '../privacy/anonymity.js';
import { pulseComments, recentComments } from './queries/comments.js';
import { recentKudos } from './queries/kudos.js';
import { responseRows, RESPONSE_COLUMNS } from './queries/responses.js';
import { groupCounts, summaryCounts, trendCounts } from './queries/rollup.js';
import { echo } from './scope.js';
import { select } from './selection.js';
import type { CommentsResponse, DistributionResponse, Group, KudosResponse, StatsResponse, TrendResponse } from './types.js';

/**
 * The dashboard's read API, every endpoint behind a session and confined to the user's scope:
 * `/v1/stats` (KPIs of the selection and of each group at `level`), `/v1/stats/trend`,
 * `/v1/stats/distribution`, `/v1/stats/comments`, `/v1/stats/kudos`, `/v1/stats/export.csv`.
 */
export function statsRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    ctx.log.error('stats request failed', { path: c.req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return c.json({ error: 'internal_error', message: 'Internal server error' }, 500);
  });
  app.use('/v1/stats', requireSession(ctx));
  app.use('/v1/stats/*', requireSession(ctx));

  async function groups(selection: Awaited<ReturnType<typeof select>>): Promise<Group[]> {
    const rows = await groupCounts(ctx.db, selection.filter, selection.query.level);
    return rows.map((row) => ({ id: row.id, name: row.name, ...toKpis(row, selection.groupMinimum) }));
  }

  app.get('/v1/stats', async (c) => {
    const s = await select(c, ctx);
    const [summary, list] = await Promise.all([summaryCounts(ctx.db, s.filter), groups(s)]);
    const body: StatsResponse = { level: s.query.level, filter: echo(s.filter), minResponses: ctx.config.STAFF_MIN_RESPONSES, summary: toKpis(summary, s.summaryMinimum), groups: list };
    return c.json(body);
  });

  app.get('/v1/stats/trend', async (c) => {
    const s = await select(c, ctx);
    const rows = await trendCounts(ctx.db, s.filter, s.query.bucket);
    const body: TrendResponse = { filter: echo(s.filter), bucket: s.query.bucket, points: rows.map((row) => ({ period: row.period, ...toKpis(row, s.summaryMinimum) })) };
    return c.json(body);
  });

  app.get('/v1/stats/distribution', async (c) => {
    const s = await select(c, ctx);
    const counts = await summaryCounts(ctx.db, s.filter);
    const kpis = toKpis(counts, s.summaryMinimum);
    const d = distribution(counts);
    // Each scale is its own group: 12 pulse answers with 3 NPS answers among them show no NPS.
    const shown = (metric: keyof typeof d) => (kpis[metric].insufficientResponses ? null : d[metric]);
    const body: DistributionResponse = {
      filter: echo(s.filter),
      nps: shown('nps'),
      csat: shown('csat'),
      smiley: shown('smiley'),
      stars: shown('stars'),
      insufficientResponses: kpis.insufficientResponses,
    };
    return c.json(body);
  });

  app.get('/v1/stats/comments', async (c) => {
    const s = await select(c, ctx);
    const { filter, protection } = s;
    const disclosed = isDisclosed(protection, Number((await summaryCounts(ctx.db, filter)).responses ?? 0));
    let comments: CommentsResponse['comments'] = [];
    if (disclosed) {
      comments = protection.group === 'pulse' ? await pulseComments(ctx.db, filter, s.query.limit, protection.minimum) : await recentComments(ctx.db, filter, s.query.limit);
    }
    const body: CommentsResponse = { filter: echo(filter), comments, insufficientResponses: !disclosed };
    return c.json(body);
  });

  app.get('/v1/stats/kudos', async (c) => {
    const s = await select(c, ctx);
    // Kudos are what customers say about staff; pulse answers are anonymous and never quoted as praise.
    if (s.protection.group === 'pulse') throw new ApiError(400, 'validation_failed', 'Kudos come from customer feedback', { issues: [{ path: ['channel'], message: 'kudos have no employee channel' }] });
    const body: KudosResponse = { filter: echo(s.filter), kudos: await recentKudos(ctx.db, s.filter, s.query.limit, ctx.config.STAFF_MIN_RESPONSES) };
    return c.json(body);
  });

  app.get('/v1/stats/export.csv', async (c) => {
    const s = await select(c, ctx);
    const { filter, query } = s;
    let csv: string;
    if (query.rows === 'responses') {
      // One row per response would rebuild what the anonymity rule withholds: individuals' scores,
      // and pulse answers with their exact times.
      if (s.protection.group === 'individual') throw new ApiError(400, 'validation_failed', 'Responses are not exported per person', { issues: [{ path: ['rows'], message: 'use rows=groups for individuals' }] });
      if (s.protection.group === 'pulse') throw new ApiError(400, 'validation_failed', 'Employee pulse is exported per group, never per response', { issues: [{ path: ['rows'], message: 'use rows=groups for employee pulse' }] });
      csv = toCsv(RESPONSE_COLUMNS, await responseRows(ctx.db, filter));
    } else {
      const metric = (m: { value: number | null; n: number }): Cell[] => [m.value, m.n];
      const rows = (await groups(s)).map((g): Cell[] => [g.id, g.name, g.volume, ...metric(g.nps), ...metric(g.csat), ...metric(g.smiley), ...metric(g.stars), g.comments, g.insufficientResponses ? 'yes' : 'no']);
      csv = toCsv([query.level, 'name', 'responses', 'nps', 'nps_n', 'csat_pct', 'csat_n', 'smiley_avg', 'smiley_n', 'stars_avg', 'stars_n', 'comments', 'insufficient_responses'], rows);
    }
    const name = `storevoice-${query.rows === 'responses' ? 'responses' : query.level}-${filter.from}-${filter.to}.csv`;
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${name}"`);
    // A byte-order mark so spreadsheet apps read UTF-8 (names, comments) correctly.
    return c.body('\uFEFF' + csv);
  });

  return app;
}
