import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../demo/server/server.js';
import { startTestCollector } from './support/collector.js';
import { databaseTargets } from './support/databases.js';

for (const target of databaseTargets) {
  describe(`health (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target);
    });
    after(() => collector.close());

    it('answers /healthz without touching the database', async () => {
      const res = await fetch(`${collector.url}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { ok: true });
    });

    it('reports the database on /readyz once migrated', async () => {
      const res = await fetch(`${collector.url}/readyz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { ok: true, database: target.name });
      const tables = await collector.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'submissions'");
      assert.equal(tables[0]?.n, 1);
    });
  });
}
