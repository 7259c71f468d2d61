import { isDisclosed } from '../../privacy/anonymity.js';
import { loadBrandSettings } from '../../settings/repository.js';
import { weekStart, previousPeriod } from '../period.js';
import { summaryCounts } from '../queries/rollup.js';
import { topicDays, type TopicDayRow } from '../queries/topics.js';
import { echo } from '../scope.js';
import { select } from '../selection.js';
import type { TopicsResponse } from '../types.js';
import type { StatsEndpoint } from './context.js';

/**
 * `GET /v1/stats/topics`: what comments talk about (topics tagged on ingest from the brand's
 * dictionary), with how many mentions came with a low score, the previous period for the trend,
 * and mentions per week. Busiest first.
 */
export const topicsEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats/topics', async (c) => {
    const s = await select(c, ctx);
    const previous = previousPeriod(s.filter);
    const [counts, rows, before, { settings }] = await Promise.all([
      summaryCounts(ctx.db, s.filter),
      topicDays(ctx.db, s.filter),
      topicDays(ctx.db, { ...s.filter, ...previous }),
      loadBrandSettings(ctx.db, s.filter.brandId, ctx.log),
    ]);
    const disclosed = isDisclosed(s.protection, Number(counts.responses ?? 0));
    const total = (list: TopicDayRow[], topic: string) =>
      list.filter((r) => r.topic === topic).reduce((sum, r) => ({ mentions: sum.mentions + r.mentions, negative: sum.negative + r.negative }), { mentions: 0, negative: 0 });
    const ids = [...new Set(rows.map((r) => r.topic))];
    const topics = disclosed
      ? ids
          .map((id) => {
            const weeks = new Map<string, number>();
            for (const row of rows) if (row.topic === id) weeks.set(weekStart(row.day), (weeks.get(weekStart(row.day)) ?? 0) + row.mentions);
            return {
              id,
              // A topic the brand has since removed keeps its counts; the dashboard shows its id.
              label: settings.topics[id]?.label ?? null,
              ...total(rows, id),
              previous: total(before, id),
              weekly: [...weeks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, mentions]) => ({ period, mentions })),
            };
          })
          .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id))
      : [];
    const body: TopicsResponse = { filter: echo(s.filter), previous, comments: Number(counts.comments ?? 0), insufficientResponses: !disclosed, topics };
    return c.json(body);
  });
};
