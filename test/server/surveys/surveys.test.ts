import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SurveyDefinition } from '../../../sdk/index.js';
import { importSurveysFromDir } from '../../../demo/server/surveys/import.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { ADMIN_TOKEN } from '../support/ingest.js';

const pulse = (title: string): SurveyDefinition => ({ id: 'pulse', version: 1, title, questions: [{ id: 'q', type: 'smiley', prompt: 'How was your shift?', required: true }] });

for (const target of databaseTargets) {
  describe(`surveys (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'sv-surveys-'));
      await writeFile(join(dir, 'pulse.json'), JSON.stringify(pulse('From file')));
      await writeFile(join(dir, 'notes.txt'), 'not a survey');
      collector = await startTestCollector(target, { ADMIN_TOKEN, SURVEYS_DIR: dir });
    });
    after(async () => {
      await collector.close();
      await rm(dir, { recursive: true, force: true });
    });

    const admin = (path: string, init: RequestInit = {}, token = ADMIN_TOKEN) =>
      fetch(`${collector.url}/v1/admin/surveys${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

    it('serves a survey imported at start, cacheable, with an ETag that answers 304', async () => {
      const res = await fetch(`${collector.url}/v1/surveys/pulse`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), pulse('From file'));
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
      const etag = res.headers.get('etag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]{27}"$/);
      const again = await fetch(`${collector.url}/v1/surveys/pulse`, { headers: { 'if-none-match': `W/${etag}` } });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get('etag'), etag);
    });

    it('answers 404 survey_not_found for an unknown id', async () => {
      const res = await fetch(`${collector.url}/v1/surveys/nope`);
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { error: 'survey_not_found', message: 'No survey "nope"' });
    });

    it('protects the admin API with ADMIN_TOKEN', async () => {
      assert.equal((await admin('', {}, 'wrong-token-0123456789')).status, 401);
      const none = await fetch(`${collector.url}/v1/admin/surveys`);
      assert.deepEqual({ status: none.status, body: await none.json() }, { status: 401, body: { error: 'unauthorized', message: 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>"' } });
    });

    it('creates, lists, replaces and deletes surveys; an API edit changes the ETag', async () => {
      const before = (await fetch(`${collector.url}/v1/surveys/pulse`)).headers.get('etag');
      const created = await admin('/exit', { method: 'PUT', body: JSON.stringify({ ...pulse('Exit'), id: 'exit' }) });
      assert.equal(created.status, 201);
      const replaced = await admin('/pulse', { method: 'PUT', body: JSON.stringify(pulse('Edited')) });
      assert.deepEqual({ status: replaced.status, body: await replaced.json() }, { status: 200, body: { id: 'pulse', outcome: 'updated' } });
      assert.notEqual((await fetch(`${collector.url}/v1/surveys/pulse`)).headers.get('etag'), before);
      const list = (await (await admin('')).json()) as { surveys: Array<{ id: string; source: string; title: string }> };
      assert.deepEqual(list.surveys.map((s) => [s.id, s.source, s.title]), [['exit', 'api', 'Exit'], ['pulse', 'api', 'Edited']]);
      assert.equal((await admin('/exit', { method: 'DELETE' })).status, 204);
      assert.equal((await admin('/exit', { method: 'DELETE' })).status, 404);
      assert.equal((await fetch(`${collector.url}/v1/surveys/exit`)).status, 404);
    });

    it('validates definitions with the SDK schema, and the id against the URL', async () => {
      const bad = await admin('/pulse', { method: 'PUT', body: JSON.stringify({ id: 'pulse', questions: [{ id: 'q', type: 'slider', prompt: 'x' }] }) });
      assert.equal(bad.status, 400);
      const body = (await bad.json()) as { error: string; issues: Array<{ path: string; message: string }> };
      assert.equal(body.error, 'invalid_survey');
      assert.deepEqual(body.issues, [{ path: 'questions[0].type', message: '"slider" is not a known type' }]);
      const other = await admin('/pulse', { method: 'PUT', body: JSON.stringify({ ...pulse('x'), id: 'other' }) });
      assert.equal(((await other.json()) as { error: string }).error, 'survey_id_mismatch');
    });

    it('re-importing files never overwrites an API edit, and reports bad files by name', async () => {
      const report = await importSurveysFromDir(collector.ctx, dir);
      assert.deepEqual(report, { created: [], updated: [], unchanged: ['pulse'] });
      assert.equal(((await (await fetch(`${collector.url}/v1/surveys/pulse`)).json()) as SurveyDefinition).title, 'Edited');
      await writeFile(join(dir, 'broken.json'), JSON.stringify({ id: 'broken', questions: [] }));
      await assert.rejects(importSurveysFromDir(collector.ctx, dir), /broken\.json: Invalid survey definition: questions: must not be empty/);
      await rm(join(dir, 'broken.json'));
    });

    it('turns the admin API off without ADMIN_TOKEN (403 admin_disabled); GET /v1/surveys keeps working', async () => {
      // ADMIN_TOKEN is read per request, so one collector shows both states.
      collector.ctx.config.ADMIN_TOKEN = undefined;
      try {
        const res = await admin('');
        assert.deepEqual({ status: res.status, body: await res.json() }, { status: 403, body: { error: 'admin_disabled', message: 'The admin API is disabled: set ADMIN_TOKEN to enable it' } });
        assert.equal((await fetch(`${collector.url}/v1/surveys/pulse`)).status, 200);
      } finally {
        collector.ctx.config.ADMIN_TOKEN = ADMIN_TOKEN;
      }
    });

    it('imports the demo surveys', async () => {
      const report = await importSurveysFromDir(collector.ctx, new URL('../../../demo/surveys/', import.meta.url).pathname);
      assert.deepEqual([...report.created, ...report.unchanged].sort(), ['employee-pulse', 'post-purchase', 'store-exit']);
    });
  });
}
