import type { Queryable } from '../../db/database.js';
import type { Filter } from '../scope.js';
import { Params, regionGrainSource, submissionsWhere } from '../where.js';

export interface TopicDayRow {
  topic: string;
  day: string;
  mentions: number;
  negative: number;
  [key: string]: unknown;
}

const NEGATIVE = 's.min_score <= 2 OR s.nps <= 6';

/**
 * Mentions of each topic per store-local day in the selection, and how many came with a low
 * score: from the per-region rollup, or raw rows for a store or a person.
 */
export async function topicDays(db: Queryable, filter: Filter): Promise<TopicDayRow[]> {
  if (filter.storeId === undefined && filter.staffId === undefined) {
    const params = new Params();
    const source = regionGrainSource('stats_topics_daily', filter, params);
    return db.query<TopicDayRow>(
      `SELECT d.topic, to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.mentions)::int AS mentions, sum(d.negative)::int AS negative FROM ${source} GROUP BY 1, 2 ORDER BY 1, 2`,
      params.values,
    );
  }
  const where = submissionsWhere(filter);
  return db.query<TopicDayRow>(
    `SELECT t.topic, to_char(s.local_date, 'YYYY-MM-DD') AS day, count(*)::int AS mentions, count(*) FILTER (WHERE ${NEGATIVE})::int AS negative
     FROM submissions s CROSS JOIN LATERAL unnest(s.topics) t(topic)
     WHERE ${where.sql} GROUP BY 1, 2 ORDER BY 1, 2`,
    where.params,
  );
}
