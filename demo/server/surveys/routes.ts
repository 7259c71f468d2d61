import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { MAX_ADMIN_BODY_BYTES, requireAdmin } from '../admin/auth.js';
import type { AppContext } from '../context.js';
import { readJson } from '../http/body.js';
import { corsPolicy } from '../http/cors.js';
import { ApiError } from '../http/errors.js';
import { parseSurveyDefinition } from './definition.js';
import { deleteSurvey, getSurvey, listSurveys, saveSurvey, type StoredSurvey } from './repository.js';

/** Widgets may reuse a definition for a minute; edits reach kiosks within that time. */
const CACHE_CONTROL = 'public, max-age=60';

const etagOf = (survey: StoredSurvey): string => `"${createHash('sha256').update(JSON.stringify(survey.definition)).digest('base64url').slice(0, 27)}"`;

/** Whether an If-None-Match header lists `etag` (weak comparison, as RFC 9110 asks for GET). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * Survey definitions: the public `GET /v1/surveys/:id` for widgets and kiosks (CORS, cacheable,
 * ETag), and the admin API `/v1/admin/surveys` (ADMIN_TOKEN).
 */
export function surveyRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const cors = corsPolicy(ctx.config);
  const admin = requireAdmin(ctx);

  app.options('/v1/surveys/:id', cors.preflight(['GET']));
  app.get('/v1/surveys/:id', cors.request(['GET']), async (c) => {
    const id = c.req.param('id');
    const survey = await getSurvey(ctx.db, id);
    if (!survey) throw new ApiError(404, 'survey_not_found', `No survey "${id}"`);
    const etag = etagOf(survey);
    c.header('etag', etag);
    c.header('cache-control', CACHE_CONTROL);
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.json(survey.definition);
  });

  app.get('/v1/admin/surveys', admin, async (c) => {
    const surveys = await listSurveys(ctx.db);
    return c.json({ surveys: surveys.map(({ id, version, source, updatedAt, definition }) => ({ id, version, source, updatedAt, title: definition.title ?? null })) });
  });
  app.get('/v1/admin/surveys/:id', admin, async (c) => {
    const survey = await getSurvey(ctx.db, c.req.param('id'));
    if (!survey) throw new ApiError(404, 'survey_not_found', `No survey "${c.req.param('id')}"`);
    return c.json({ id: survey.id, version: survey.version, source: survey.source, updatedAt: survey.updatedAt, definition: survey.definition });
  });
  app.put('/v1/admin/surveys/:id', admin, async (c) => {
    const id = c.req.param('id');
    const definition = parseSurveyDefinition(await readJson(c.req.raw, MAX_ADMIN_BODY_BYTES));
    if (definition.id !== id) throw new ApiError(400, 'survey_id_mismatch', `The definition's id "${definition.id}" is not "${id}" of the URL`);
    const outcome = await saveSurvey(ctx.db, definition, 'api', ctx.now());
    return c.json({ id, outcome }, outcome === 'created' ? 201 : 200);
  });
  app.delete('/v1/admin/surveys/:id', admin, async (c) => {
    if (!(await deleteSurvey(ctx.db, c.req.param('id')))) throw new ApiError(404, 'survey_not_found', `No survey "${c.req.param('id')}"`);
    return c.body(null, 204);
  });
  return app;
}
