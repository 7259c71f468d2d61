import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { documentedRoutes, openApiPath } from '../../../demo/server/openapi/document.js';
import { ROUTE_TABLE } from '../../../demo/server/route-table.js';
import type { Collector } from '../../../demo/server/server.js';
import { invalidSubmissions, validSubmissions } from '../../sdk/fixtures/wire.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy } from '../support/ingest.js';
import { requestPointer, schemaValidators, type OpenApiDocument } from './support.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

for (const target of databaseTargets) {
  describe(`GET /v1/openapi.json (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let doc: OpenApiDocument;
    before(async () => {
      collector = await startTestCollector(target);
      await seedTestHierarchy(collector.ctx);
      const res = await fetch(`${collector.url}/v1/openapi.json`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      doc = (await res.json()) as OpenApiDocument;
    });
    after(() => collector.close());

    it('is a valid OpenAPI 3.1 document (checked against the specification\'s own schema)', async () => {
      const validator = new Validator();
      const result = await validator.validate(structuredClone(doc));
      assert.deepEqual(result.errors ?? [], []);
      assert.equal(result.valid, true);
      assert.equal(validator.version, '3.1');
    });

    it('describes every API route of route-table.ts, and nothing else', () => {
      const described = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).filter((key) => METHODS.includes(key)).map((method) => `${method.toUpperCase()} ${path}`));
      const expected = documentedRoutes().map((route) => `${route.method} ${openApiPath(route.path)}`);
      assert.deepEqual(expected.filter((route) => !described.includes(route)), [], 'routes without an entry in demo/server/openapi/operations.ts');
      assert.deepEqual(described.filter((route) => !expected.includes(route)), []);
      // The static files (dashboard, bundles, demo pages) are the only routes left out.
      assert.ok(ROUTE_TABLE.length > expected.length && expected.length >= 55, `${expected.length} of ${ROUTE_TABLE.length}`);
    });

    it('names every path parameter and documents an answer schema for every JSON answer', () => {
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          const where = `${method.toUpperCase()} ${path}`;
          assert.ok(operation.summary, `${where}: summary`);
          const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
          assert.deepEqual(operation.parameters?.filter((p) => p.in === 'path').map((p) => p.name) ?? [], names, `${where}: path parameters`);
          for (const [status, response] of Object.entries(operation.responses)) {
            if (['204', '304'].includes(status) || method === 'options') continue;
            assert.ok(response.content && Object.values(response.content).every((media) => media.schema), `${where} ${status}: no schema`);
          }
        }
      }
    });

    it('documents the query parameters the stats API validates, with their values', () => {
      const parameters = doc.paths['/v1/stats']!.get!.parameters as Array<{ name: string; in: string; schema: { enum?: string[] } }>;
      const level = parameters.find((p) => p.name === 'level');
      assert.deepEqual(level?.schema.enum, ['brand', 'region', 'store', 'staff']);
      assert.ok(parameters.some((p) => p.name === 'from') && parameters.some((p) => p.name === 'rows'));
    });

    it('describes the ingest body with the SDK\'s wire format: a standard validator and the collector agree', async () => {
      const schema = schemaValidators(doc)(requestPointer('/v1/submissions', 'post'));
      const cases: Array<{ label: string; body: unknown }> = [
        ...validSubmissions.map((body, i) => ({ label: `valid #${i}`, body })),
        { label: 'a batch', body: { submissions: [makeSubmission(), makeSubmission()] } },
        { label: 'an empty batch', body: { submissions: [] } },
        ...invalidSubmissions.filter((c) => !c.beyondJsonSchema).map((c) => ({ label: c.label, body: c.value })),
      ];
      for (const { label, body } of cases) {
        // Made valid for this collector's hierarchy where it is valid at all: a fresh id, today.
        const sent = typeof body === 'object' && body !== null && 'schemaVersion' in body && schema(body) ? { ...body, id: makeSubmission().id, createdAt: new Date().toISOString(), context: makeSubmission().context } : body;
        const res = await postSubmissions(collector.url, sent as never);
        assert.equal(schema(sent), res.status === 202, `${label}: the document says ${schema(sent) ? 'valid' : 'invalid'}, the collector answered ${res.status} ${await res.text()}`);
      }
    });
  });
}
