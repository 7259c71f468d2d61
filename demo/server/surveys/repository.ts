import type { SurveyDefinition } from '../../../sdk/index.js';
import type { Queryable } from '../db/database.js';

export type SurveySource = 'file' | 'api';

export interface StoredSurvey {
  id: string;
  version: number;
  definition: SurveyDefinition;
  source: SurveySource;
  updatedAt: Date;
}

interface SurveyRow {
  id: string;
  version: number;
  definition: SurveyDefinition;
  source: SurveySource;
  updated_at: Date;
  [column: string]: unknown;
}

const toSurvey = (row: SurveyRow): StoredSurvey => ({ id: row.id, version: row.version, definition: row.definition, source: row.source, updatedAt: row.updated_at });

export async function getSurvey(db: Queryable, id: string): Promise<StoredSurvey | undefined> {
  const [row] = await db.query<SurveyRow>('SELECT id, version, definition, source, updated_at FROM surveys WHERE id = $1', [id]);
  return row && toSurvey(row);
}

export async function listSurveys(db: Queryable): Promise<StoredSurvey[]> {
  return (await db.query<SurveyRow>('SELECT id, version, definition, source, updated_at FROM surveys ORDER BY id')).map(toSurvey);
}

/**
 * Saves a definition. From the admin API it always wins and marks the survey as API-owned; from a
 * file it only replaces file-owned definitions that changed (so restarts rewrite nothing).
 * @returns `created`, `updated`, or `unchanged` (also when an API-owned survey kept its definition)
 */
export async function saveSurvey(db: Queryable, definition: SurveyDefinition, source: SurveySource, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
  const onConflict =
    source === 'api'
      ? "DO UPDATE SET version = EXCLUDED.version, definition = EXCLUDED.definition, source = 'api', updated_at = EXCLUDED.updated_at"
      : "DO UPDATE SET version = EXCLUDED.version, definition = EXCLUDED.definition, updated_at = EXCLUDED.updated_at WHERE surveys.source = 'file' AND surveys.definition IS DISTINCT FROM EXCLUDED.definition";
  const [row] = await db.query<{ created: boolean }>(
    `INSERT INTO surveys (id, version, definition, source, updated_at) VALUES ($1, $2, $3::text::jsonb, $4, $5)
     ON CONFLICT (id) ${onConflict} RETURNING (xmax = 0) AS created`,
    [definition.id, definition.version ?? 1, JSON.stringify(definition), source, now.toISOString()],
  );
  return row === undefined ? 'unchanged' : row.created ? 'created' : 'updated';
}

export async function deleteSurvey(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM surveys WHERE id = $1 RETURNING id', [id])).length > 0;
}
