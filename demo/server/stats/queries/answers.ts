import type { Queryable } from '../../db/database.js';
import { ANSWERED, rollup } from '../rollups/definition.js';
import type { Filter } from '../scope.js';
import { Params, regionGrainSource, submissionsWhere } from '../where.js';

/** Answers per survey, question and value in a selection. */
export interface AnswerRow {
  survey_id: string;
  question_id: string;
  answer_type: string;
  value: string;
  n: number;
  [key: string]: unknown;
}

/**
 * Counts every question's answers in the selection: from the per-region rollup for brand and
 * region selections, from raw rows (the same fan-out SQL, from the rollup definition) for a store
 * or a person, whose few hundred submissions a rollup per store would not make faster.
 */
export async function answerCounts(db: Queryable, filter: Filter): Promise<AnswerRow[]> {
  if (filter.storeId === undefined && filter.staffId === undefined) {
    const params = new Params();
    const source = regionGrainSource('stats_answers_daily', filter, params);
    return db.query<AnswerRow>(
      `SELECT d.survey_id, d.question_id, d.answer_type, d.value, sum(d.answers)::int AS n FROM ${source} GROUP BY 1, 2, 3, 4`,
      params.values,
    );
  }
  const table = rollup('stats_answers_daily');
  const where = submissionsWhere(filter);
  const key = (name: string) => table.keys.find((k) => k.name === name)?.expr ?? name;
  return db.query<AnswerRow>(
    `SELECT s.survey_id, ${key('question_id')} AS question_id, ${key('answer_type')} AS answer_type, ${key('value')} AS value, count(*)::int AS n
     FROM submissions s ${table.fanOut ?? ''}
     WHERE ${where.sql}${table.where ? ` AND ${table.where}` : ''}
     GROUP BY 1, 2, 3, 4`,
    where.params,
  );
}

export { ANSWERED };
