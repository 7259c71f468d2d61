import { Hono } from 'hono';
import { collectorVersion } from '../version.js';
import { openApiDocument } from './document.js';

/**
 * `GET /v1/openapi.json`: the API as OpenAPI 3.1, public (it describes no data). Built once per
 * process on first request: the schemas do not change while it runs.
 */
export function openApiRoutes(): Hono {
  const app = new Hono();
  let body: string | undefined;
  app.get('/v1/openapi.json', (c) => {
    body ??= JSON.stringify(openApiDocument(collectorVersion));
    return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' });
  });
  return app;
}
