import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../demo/server/db/database.js';
import { migrate } from '../../demo/server/db/migrate.js';
import type { Logger } from '../../demo/server/log.js';
import { startCollector, type Collector } from '../../demo/server/server.js';
import { databaseTargets } from './support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy } from './support/ingest.js';

/** A logger that keeps its lines for the assertions. */
function memoryLog(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const at = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => void lines.push({ level, msg, ...fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

for (const target of databaseTargets) {
  describe(`operations (${target.name})`, { skip: target.skip }, () => {
    let db: Database;
    let failQueries = false;
    let collector: Collector;
    const log = memoryLog();
    before(async () => {
      db = await target.open();
      // A database that can be made to fail, to see what a 500 looks like.
      const flaky: Database = { ...db, query: (sql, params) => (failQueries ? Promise.reject(new Error('relation "secret_table" does not exist')) : db.query(sql, params)) };
      collector = await startCollector({ db: flaky, log, config: { PORT: 0, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: 0 } });
      await seedTestHierarchy(collector.ctx);
    });
    after(async () => {
      await collector.close();
      await db.close();
    });

    it('migrates an empty database, once', async () => {
      const applied = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      assert.ok(applied.some((m) => m.name === '001_core.sql') && applied.some((m) => m.name === '002_survey_source.sql'));
      assert.deepEqual(await migrate(db), [], 'a second run applies nothing');
      const [column] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'surveys' AND column_name = 'source'");
      assert.equal(column?.n, 1);
    });

    it('answers unknown routes with JSON 404', async () => {
      const res = await fetch(`${collector.url}/v1/nothing-here`);
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { error: 'not_found', message: 'No route for GET /v1/nothing-here' });
    });

    it('answers unexpected errors with a generic 500 and logs the details server-side only', async () => {
      failQueries = true;
      let res: Response;
      try {
        res = await postSubmissions(collector.url, makeSubmission(), { key: 'pk_fresh_uncached' });
      } finally {
        failQueries = false;
      }
      assert.equal(res.status, 500);
      const text = await res.text();
      assert.deepEqual(JSON.parse(text), { error: 'internal_error', message: 'Internal server error' });
      assert.doesNotMatch(text, /secret_table|at |\.ts/);
      assert.ok(log.lines.some((l) => l.msg === 'unhandled error' && String(l.error).includes('secret_table')));
    });

    it('logs one structured line per request, without query strings or bodies', async () => {
      log.lines.length = 0;
      const submission = makeSubmission({ answers: [{ questionId: 'why', type: 'text', value: 'my phone is 555-0100' }] });
      const res = await postSubmissions(collector.url, submission, { key: null, query: '?key=pk_test', headers: { 'x-request-id': 'req-123' } });
      assert.equal(res.status, 202);
      assert.equal(res.headers.get('x-request-id'), 'req-123');
      const line = log.lines.find((l) => l.msg === 'request');
      assert.deepEqual({ ...line, ms: typeof line?.ms }, { level: 'info', msg: 'request', requestId: 'req-123', method: 'POST', path: '/v1/submissions', status: 202, ms: 'number' });
      assert.doesNotMatch(JSON.stringify(log.lines), /555-0100|pk_test/);
    });

    it('finishes an in-flight request on shutdown, then refuses new connections', async () => {
      const second = await startCollector({ db, log: memoryLog(), config: { PORT: 0, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: 0, SURVEYS_DIR: collector.ctx.config.SURVEYS_DIR } });
      const text = JSON.stringify(makeSubmission());
      let closed = false;
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${second.url}/v1/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer pk_test', 'content-length': String(Buffer.byteLength(text)) } }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        // Half the body now: the request is in flight when close() starts.
        req.write(text.slice(0, 40));
        setTimeout(() => {
          assert.equal(closed, false, 'close() waits for the request');
          req.end(text.slice(40));
        }, 300);
      });
      await new Promise((r) => setTimeout(r, 100));
      const closing = second.close().then(() => (closed = true));
      const res = await response;
      assert.equal(res.status, 202, res.body);
      await closing;
      await assert.rejects(fetch(`${second.url}/healthz`), /fetch failed/);
    });

    it('fails to start with a clear message when the port is taken, and leaves the database usable', async () => {
      const port = Number(new URL(collector.url).port);
      await assert.rejects(
        startCollector({ db, log: memoryLog(), config: { PORT: port, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: 0, SURVEYS_DIR: collector.ctx.config.SURVEYS_DIR } }),
        /could not listen: port \d+ on 127\.0\.0\.1 is already in use: stop the other process or set PORT/,
      );
      assert.equal((await fetch(`${collector.url}/readyz`)).status, 200);
    });
  });
}
