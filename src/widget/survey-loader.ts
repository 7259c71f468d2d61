import { conditionSchema } from '../../sdk/schema/condition-schema.js';
import { primitiveSchemas } from '../../sdk/schema/primitive-schemas.js';
import { surveySchemas } from '../../sdk/schema/survey-schemas.js';
import type { SurveyDefinition } from '../../sdk/schema/survey.js';
import { parseSurvey } from '../../sdk/survey/parse.js';
import { nextTask } from '../internal/next-task.js';
import { fetchSurvey } from './survey-fetch.js';

const CACHE_PREFIX = 'storevoice:survey:';

/**
 * Turns the `survey` attribute into a definition: inline JSON is parsed at once; an id is fetched
 * from `GET {endpoint}/surveys/:id`. The last good copy of a fetched survey is kept in
 * localStorage, so a kiosk or a flaky connection still shows the survey (and collects feedback
 * into the outbox) when the collector cannot be reached.
 * @throws a ValidationError (invalid definition) or an Error naming what is missing or failed
 */
export async function loadSurvey(survey: string | SurveyDefinition, endpoint: string | undefined): Promise<SurveyDefinition> {
  const schemas = buildSchemas();
  if (typeof survey === 'object') return schemas.then(() => parseSurvey(survey));
  const text = survey.trim();
  if (text.startsWith('{')) return schemas.then(() => parseSurvey(text));
  if (!endpoint) throw new Error(`survey "${text}" is an id, so an endpoint is needed to fetch it (set the endpoint attribute or pass inline JSON)`);
  const url = `${endpoint.replace(/\/+$/, '')}/surveys/${encodeURIComponent(text)}`;
  try {
    const [body] = await Promise.all([fetchSurvey(url), schemas]);
    // Awaited: the script tag's parseSurvey is async (survey-parse-script.ts).
    const definition = await parseSurvey(body);
    remember(url, definition);
    return definition;
  } catch (error) {
    const cached = await recall(url);
    if (cached) return cached;
    throw error;
  }
}

/**
 * zod builds the survey schemas on first use: tens of milliseconds of cold code on a slow phone.
 * They are built in three tasks of their own (while the survey is fetched), each short enough to
 * leave the main thread to input and rendering in between, rather than within a task that renders.
 */
async function buildSchemas(): Promise<void> {
  for (const build of [primitiveSchemas, conditionSchema, surveySchemas]) {
    await nextTask();
    build();
  }
}

function remember(url: string, definition: SurveyDefinition): void {
  try {
    localStorage.setItem(CACHE_PREFIX + url, JSON.stringify(definition));
  } catch {
    // Storage full or disabled: the survey still works online.
  }
}

async function recall(url: string): Promise<SurveyDefinition | undefined> {
  try {
    const text = localStorage.getItem(CACHE_PREFIX + url);
    return text ? await parseSurvey(text) : undefined;
  } catch {
    return undefined;
  }
}
