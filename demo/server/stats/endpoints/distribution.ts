import { distribution, toKpis } from '../counts.js';
import { summaryCounts } from '../queries/rollup.js';
import { echo } from '../scope.js';
import { select } from '../selection.js';
import type { DistributionResponse } from '../types.js';
import type { StatsEndpoint } from './context.js';

/** `GET /v1/stats/distribution`: answers per value of each rating scale. */
export const distributionEndpoint: StatsEndpoint = (app, ctx) => {
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
};
