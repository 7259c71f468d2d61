import type { Context } from 'hono';
import type { AuthEnv } from '../../auth/env.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../http/errors.js';
import { textStream } from '../../http/text-stream.js';
import { toKpis } from '../counts.js';
import { csvLines, toCsv, type Cell } from '../csv.js';
import { groupCounts } from '../queries/rollup.js';
import { hasMoreResponsesThan, MAX_EXPORT_ROWS, responsePages, RESPONSE_COLUMNS } from '../queries/responses.js';
import type { Filter } from '../scope.js';
import { select } from '../selection.js';
import type { StatsEndpoint } from './context.js';

const GROUP_COLUMNS = ['name', 'responses', 'nps', 'nps_n', 'csat_pct', 'csat_n', 'smiley_avg', 'smiley_n', 'stars_avg', 'stars_n', 'comments', 'insufficient_responses'];

// A byte-order mark so spreadsheet apps read UTF-8 (names, comments) correctly.
const BOM = '\uFEFF';

/** Set when the responses export stopped at MAX_EXPORT_ROWS: the file lacks the oldest responses. */
export const ROWS_TRUNCATED_HEADER = 'x-storevoice-rows-truncated';

/** `GET /v1/stats/export.csv`: one row per group (`rows=groups`) or per response (`rows=responses`). */
export const exportEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats/export.csv', async (c) => {
    const s = await select(c, ctx);
    const { filter, query } = s;
    const name = `storevoice-${query.rows === 'responses' ? 'responses' : query.level}-${filter.from}-${filter.to}.csv`;
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${name}"`);
    if (query.rows === 'responses') {
      // One row per response would rebuild what the anonymity rule withholds: individuals' scores,
      // and pulse answers with their exact times.
      if (s.protection.group === 'individual') throw new ApiError(400, 'validation_failed', 'Responses are not exported per person', { issues: [{ path: ['rows'], message: 'use rows=groups for individuals' }] });
      if (s.protection.group === 'pulse') throw new ApiError(400, 'validation_failed', 'Employee pulse is exported per group, never per response', { issues: [{ path: ['rows'], message: 'use rows=groups for employee pulse' }] });
      return streamResponses(c, ctx, filter);
    }
    const metric = (m: { value: number | null; n: number }): Cell[] => [m.value, m.n];
    const rows = (await groupCounts(ctx.db, filter, query.level)).map((row): Cell[] => {
      const g = toKpis(row, s.groupMinimum);
      return [row.id, row.name, g.volume, ...metric(g.nps), ...metric(g.csat), ...metric(g.smiley), ...metric(g.stars), g.comments, g.insufficientResponses ? 'yes' : 'no'];
    });
    return c.body(BOM + toCsv([query.level, ...GROUP_COLUMNS], rows));
  });
};

/**
 * Up to MAX_EXPORT_ROWS rows, a page at a time (EXPORT_PAGE_ROWS): each page's CSV leaves as soon
 * as it is made, so the download starts after the first page and memory holds two pages, not the
 * whole file.
 */
async function streamResponses(c: Context<AuthEnv>, ctx: AppContext, filter: Filter): Promise<Response> {
  const pages = responsePages(ctx.db, filter, { pageSize: ctx.config.EXPORT_PAGE_ROWS });
  // Read before the status is sent: a failure here is still an error answer, and the header can
  // say whether the cap cut the file (it cannot be added once the body has started).
  const [first, truncated] = await Promise.all([pages.next(), hasMoreResponsesThan(ctx.db, filter, MAX_EXPORT_ROWS)]);
  if (truncated) c.header(ROWS_TRUNCATED_HEADER, 'true');
  async function* pieces(): AsyncGenerator<string, void, undefined> {
    yield BOM + csvLines([RESPONSE_COLUMNS]) + (first.done === true ? '' : csvLines(first.value));
    for await (const page of pages) yield csvLines(page);
  }
  const path = c.req.path;
  return c.body(textStream(pieces(), (error) => ctx.log.error('CSV export aborted after it started: the download fails', { path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })));
}
