import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiPath } from '../../../demo/server/openapi/document.js';
import type { Collector } from '../../../demo/server/server.js';
import { validSurvey } from '../../sdk/fixtures/wire.js';
import { login, type Session } from '../stats/client.js';
import { NOW, PASSWORD, RANGE, seed, USERS } from '../stats/fixtures.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { ADMIN_TOKEN } from '../support/ingest.js';
import { responsePointer, schemaValidators, type OpenApiDocument } from './support.js';

/**
 * The OpenAPI document against the collector's real answers: every call below is made over
 * HTTP to a seeded collector, and its answer must match the schema the document gives for that
 * route and status. Hand-written answer schemas (openapi/schemas.ts) cannot drift unnoticed.
 */
for (const target of databaseTargets) {
  describe(`OpenAPI answers match the collector's (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let validate: ReturnType<typeof schemaValidators>;
    let session: Session;
    before(async () => {
      collector = await startTestCollector(target, { ADMIN_TOKEN, STAFF_MIN_RESPONSES: 2, ALERT_WORKER_INTERVAL_MS: 0, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }, { now: () => NOW });
      await seed(collector.ctx.db);
      validate = schemaValidators((await (await fetch(`${collector.url}/v1/openapi.json`)).json()) as OpenApiDocument);
      session = await login(collector.url, USERS.corporate, PASSWORD);
    });
    after(() => collector.close());

    /** Calls `path` and checks the answer against the document's schema for `route` and the status. */
    async function check(method: string, route: string, path: string, expected: number, options: { admin?: boolean; body?: unknown; mediaType?: string } = {}): Promise<unknown> {
      const headers: Record<string, string> = options.admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : { cookie: session.cookie, 'x-csrf-token': session.csrf };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(collector.url + path, { method, headers, ...(options.body !== undefined && { body: JSON.stringify(options.body) }) });
      const text = await res.text();
      assert.equal(res.status, expected, `${method} ${path}: ${text}`);
      const mediaType = options.mediaType ?? 'application/json';
      const body = mediaType === 'application/json' ? JSON.parse(text) : text;
      const schema = validate(responsePointer(openApiPath(route), method.toLowerCase(), expected, mediaType));
      assert.ok(schema(body), `${method} ${path} ${expected}: ${JSON.stringify(schema.errors)}\n${text.slice(0, 500)}`);
      return body;
    }

    it('operations: health, readiness, errors', async () => {
      await check('GET', '/healthz', '/healthz', 200);
      await check('GET', '/readyz', '/readyz', 200);
      await check('GET', '/v1/admin/brands/:brand/keys', '/v1/admin/brands/nope/keys', 404, { admin: true });
    });

    it('the hierarchy admin API', async () => {
      await check('PUT', '/v1/admin/brands/:brand/devices/:device', '/v1/admin/brands/acme/devices/till-1', 201, { admin: true, body: { store: 'n1', name: 'Till 1' } });
      await check('POST', '/v1/admin/brands/:brand/keys', '/v1/admin/brands/acme/keys', 201, { admin: true });
      for (const list of ['brands', 'brands/acme/regions', 'brands/acme/stores', 'brands/acme/staff', 'brands/acme/devices', 'brands/acme/keys']) {
        const route = `/v1/admin/${list.replace('acme', ':brand')}`;
        await check('GET', route, `/v1/admin/${list}`, 200, { admin: true });
      }
      const file = await check('GET', '/v1/admin/hierarchy', '/v1/admin/hierarchy?brand=acme', 200, { admin: true });
      await check('POST', '/v1/admin/hierarchy', '/v1/admin/hierarchy', 200, { admin: true, body: file });
      await check('PUT', '/v1/admin/brands/:brand', '/v1/admin/brands/acme', 400, { admin: true, body: { name: '' } });
    });

    it('surveys and alert rules', async () => {
      await check('PUT', '/v1/admin/surveys/:id', `/v1/admin/surveys/${validSurvey.id}`, 201, { admin: true, body: validSurvey });
      await check('GET', '/v1/admin/surveys', '/v1/admin/surveys', 200, { admin: true });
      await check('GET', '/v1/admin/surveys/:id', `/v1/admin/surveys/${validSurvey.id}`, 200, { admin: true });
      await check('GET', '/v1/surveys/:id', `/v1/surveys/${validSurvey.id}`, 200);
      const rule = { id: 'low', brand: 'acme', kind: 'score', when: { minScoreAtMost: 2 }, webhook: { url: 'http://127.0.0.1:9/hook', secret: 'a-webhook-secret-0123' } };
      await check('POST', '/v1/admin/alerts/rules', '/v1/admin/alerts/rules', 201, { admin: true, body: rule });
      await check('GET', '/v1/admin/alerts/rules', '/v1/admin/alerts/rules', 200, { admin: true });
      await check('GET', '/v1/admin/alerts/rules/:id', '/v1/admin/alerts/rules/low', 200, { admin: true });
      await check('GET', '/v1/admin/alerts/deliveries', '/v1/admin/alerts/deliveries', 200, { admin: true });
    });

    it('the dashboard: session, directory, stats and targets', async () => {
      await check('GET', '/v1/auth/me', '/v1/auth/me', 200);
      await check('PATCH', '/v1/auth/me/preferences', '/v1/auth/me/preferences', 200, { body: { locale: 'fr' } });
      await check('GET', '/v1/auth/me/preferences', '/v1/auth/me/preferences', 200);
      await check('GET', '/v1/directory', '/v1/directory', 200);
      for (const endpoint of ['', '/trend', '/distribution', '/comments', '/kudos', '/answers', '/movers']) {
        await check('GET', `/v1/stats${endpoint}`, `/v1/stats${endpoint}?${RANGE}`, 200);
        await check('GET', `/v1/stats${endpoint}`, `/v1/stats${endpoint}?${RANGE}&level=staff&store=n1&series=store`, 200);
      }
      await check('GET', '/v1/stats', `/v1/stats?level=nope`, 400);
      await check('GET', '/v1/stats/export.csv', `/v1/stats/export.csv?${RANGE}`, 200, { mediaType: 'text/csv' });
      await check('PUT', '/v1/targets', '/v1/targets', 200, { body: { level: 'store', id: 'n1', metric: 'nps', value: 30 } });
      await check('GET', '/v1/targets', '/v1/targets', 200);
    });
  });
}
