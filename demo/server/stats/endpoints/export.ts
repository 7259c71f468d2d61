import { ApiError } from '../../http/errors.js';
import { toKpis } from '../counts.js';
import { toCsv, type Cell } from '../csv.js';
import { groupCounts } from '../queries/rollup.js';
import { responseRows, RESPONSE_COLUMNS } from '../queries/responses.js';
import { select } from '../selection.js';
import type { StatsEndpoint } from './context.js';

const GROUP_COLUMNS = ['name', 'responses', 'nps', 'nps_n', 'csat_pct', 'csat_n', 'smiley_avg', 'smiley_n', 'stars_avg', 'stars_n', 'comments', 'insufficient_responses'];

/** `GET /v1/stats/export.csv`: one row per group (`rows=groups`) or per response (`rows=responses`). */
export const exportEndpoint: StatsEndpoint = (app, ctx) => {
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
      const rows = (await groupCounts(ctx.db, filter, query.level)).map((row): Cell[] => {
        const g = toKpis(row, s.groupMinimum);
        return [row.id, row.name, g.volume, ...metric(g.nps), ...metric(g.csat), ...metric(g.smiley), ...metric(g.stars), g.comments, g.insufficientResponses ? 'yes' : 'no'];
      });
      csv = toCsv([query.level, ...GROUP_COLUMNS], rows);
    }
    const name = `storevoice-${query.rows === 'responses' ? 'responses' : query.level}-${filter.from}-${filter.to}.csv`;
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${name}"`);
    // A byte-order mark so spreadsheet apps read UTF-8 (names, comments) correctly.
    return c.body('\uFEFF' + csv);
  });
};
