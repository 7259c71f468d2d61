import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiPath } from '../../../demo/server/openapi/document.js';
import type { Collector } from '../../../demo/server/server.js';
import { uuidv7, type Submission } from '../../../sdk/index.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
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
    async function check(method: string, route: string, path: string, expected: number, options: { admin?: boolean; bearer?: string; body?: unknown; mediaType?: string } = {}): Promise<unknown> {
      const bearer = options.bearer ?? (options.admin ? ADMIN_TOKEN : undefined);
      const headers: Record<string, string> = bearer !== undefined ? { authorization: `Bearer ${bearer}` } : { cookie: session.cookie, 'x-csrf-token': session.csrf };
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

    it('cases, ideas, recognition, alerts, settings, digest and topics', async () => {
      await check('GET', '/v1/stats/topics', `/v1/stats/topics?${RANGE}`, 200);
      await check('GET', '/v1/settings', '/v1/settings', 200);
      await check('GET', '/v1/digest', '/v1/digest?week=2026-W10', 200);
      await check('GET', '/v1/cases', '/v1/cases?status=resolved', 200);
      await check('GET', '/v1/cases/metrics', `/v1/cases/metrics?${RANGE}`, 200);
      await check('GET', '/v1/cases/:id', '/v1/cases/00000000-0000-4000-8000-00000000ffff', 404);
      await check('GET', '/v1/ideas', '/v1/ideas', 200);
      await check('GET', '/v1/ideas/metrics', '/v1/ideas/metrics', 200);
      await check('GET', '/v1/recognition/stores', `/v1/recognition/stores?${RANGE}`, 200);
      await check('GET', '/v1/alerts', '/v1/alerts', 200);
      const rule = (await check('POST', '/v1/alert-rules', '/v1/alert-rules', 201, { body: { kind: 'score', scope: { store: 'n1' }, when: { minScoreAtMost: 2 } } })) as { id: string };
      await check('PATCH', '/v1/alert-rules/:id', `/v1/alert-rules/${rule.id}`, 200, { body: { enabled: false } });
      await check('GET', '/v1/alert-rules', '/v1/alert-rules', 200);
      await check('GET', '/v1/alert-rules/:id/deliveries', `/v1/alert-rules/${rule.id}/deliveries`, 200);
    });

    it('pulse links and keys, people\'s rights and retention', async () => {
      const link = (await check('POST', '/v1/pulse/links/:store', '/v1/pulse/links/n1', 201)) as { key: { key: string } };
      await check('GET', '/v1/pulse/links', '/v1/pulse/links', 200);
      await check('GET', '/v1/pulse/session', '/v1/pulse/session', 200, { bearer: link.key.key });
      await check('POST', '/v1/ideas/pulse', '/v1/ideas/pulse', 201, { bearer: link.key.key, body: { text: 'More plants' } });
      await check('POST', '/v1/admin/brands/:brand/stores/:store/pulse-keys', '/v1/admin/brands/acme/stores/n1/pulse-keys', 201, { admin: true });
      await check('GET', '/v1/admin/brands/:brand/pulse-keys', '/v1/admin/brands/acme/pulse-keys', 200, { admin: true });
      // A detractor who gave her e-mail: a case opens with her contact.
      const at = NOW.toISOString();
      const answers = [{ questionId: 'recommend', type: 'nps', value: 2 }, { questionId: 'contact-me', type: 'consent', value: true, contact: 'jane@example.com' }];
      await storeSubmissions(collector.ctx, 'acme', [{ id: uuidv7(NOW.getTime()), schemaVersion: 1, surveyId: 'store-exit', createdAt: at, context: { channel: 'web', brand: 'acme', region: 'north', store: 'n1' }, answers } as Submission]);
      const { cases } = (await check('GET', '/v1/cases', '/v1/cases', 200)) as { cases: Array<{ id: string }> };
      assert.ok(cases[0]);
      const detail = (await check('GET', '/v1/cases/:id', `/v1/cases/${cases[0].id}`, 200)) as { version: number };
      await check('PATCH', '/v1/cases/:id', `/v1/cases/${cases[0].id}`, 200, { body: { version: detail.version, status: 'in_progress', note: 'Called her' } });
      await check('PATCH', '/v1/cases/:id', `/v1/cases/${cases[0].id}`, 409, { body: { version: detail.version, note: 'Stale' } });
      const contact = { email: 'Jane@Example.com', actor: 'conformance test' };
      const exported = (await check('POST', '/v1/admin/privacy/export', '/v1/admin/privacy/export', 200, { admin: true, body: contact })) as { submissions: unknown[] };
      assert.equal(exported.submissions.length, 1);
      await check('POST', '/v1/admin/privacy/erase', '/v1/admin/privacy/erase', 200, { admin: true, body: contact });
      await check('GET', '/v1/admin/privacy/audit', '/v1/admin/privacy/audit', 200, { admin: true });
      await check('GET', '/v1/admin/retention', '/v1/admin/retention', 200, { admin: true });
      await check('POST', '/v1/admin/retention/run', '/v1/admin/retention/run', 200, { admin: true });
      await check('GET', '/v1/admin/retention', '/v1/admin/retention', 200, { admin: true });
    });
  });
}
