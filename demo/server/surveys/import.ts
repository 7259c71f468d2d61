import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { parseSurveyDefinition } from './definition.js';
import { saveSurvey } from './repository.js';

/** What {@link importSurveysFromDir} did, by survey id. */
export interface SurveyImportReport {
  created: string[];
  updated: string[];
  /** Same definition already stored, or edited through the admin API (which wins over files). */
  unchanged: string[];
}

/** A survey file that cannot be imported; the message names the file and every problem. */
export class SurveyImportError extends Error {
  override name = 'SurveyImportError';
}

/**
 * Imports every `<id>.json` in `dir` as a survey definition (validated with the SDK's schema).
 * Idempotent, so every instance runs it at start. All files are checked before any is saved:
 * one bad file stops the import with a message naming each problem, rather than starting with
 * half the surveys.
 */
export async function importSurveysFromDir(ctx: Pick<AppContext, 'db' | 'now' | 'log'>, dir: string): Promise<SurveyImportReport> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const problems: string[] = [];
  const definitions = [];
  for (const file of files) {
    try {
      const definition = parseSurveyDefinition(JSON.parse(await readFile(join(dir, file), 'utf8')));
      if (definition.id !== basename(file, '.json')) throw new Error(`the file name must be the survey id: ${definition.id}.json`);
      definitions.push(definition);
    } catch (error) {
      problems.push(`  ${file}: ${error instanceof ApiError || error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new SurveyImportError(`Invalid survey files in ${dir}:\n${problems.join('\n')}`);
  const report: SurveyImportReport = { created: [], updated: [], unchanged: [] };
  for (const definition of definitions) report[await saveSurvey(ctx.db, definition, 'file', ctx.now())].push(definition.id);
  ctx.log.info('surveys imported', { dir, ...report });
  return report;
}
