import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseTargets } from '../support/databases.js';

const postgres = databaseTargets.find((target) => target.name === 'postgres');

/**
 * The collector's PostgreSQL sessions: JIT is off on every pooled connection, because the
 * dashboard's rollup scans cross jit_above_cost and would spend longer compiling than running
 * (bench/dashboard-queries.ts; docs/collector.md, "Performance: rollup tables"); and every
 * prepared query is planned for its own values, never with a generic plan.
 */
describe('PostgreSQL sessions of the collector', { skip: postgres?.skip }, () => {
  it('run with JIT off, on every connection of the pool', async () => {
    const db = await postgres!.open();
    try {
      // Several at once, so the pool opens several connections.
      const settings = await Promise.all(Array.from({ length: 4 }, () => db.query<{ jit: string }>("SELECT current_setting('jit') AS jit, pg_sleep(0.05)")));
      assert.deepEqual(settings.map(([row]) => row?.jit), ['off', 'off', 'off', 'off']);
    } finally {
      await db.close();
    }
  });

  it('plan every prepared query for its values, on every connection of the pool', async () => {
    const db = await postgres!.open();
    try {
      const settings = await Promise.all(Array.from({ length: 4 }, () => db.query<{ mode: string }>("SELECT current_setting('plan_cache_mode') AS mode, pg_sleep(0.05)")));
      assert.deepEqual(settings.map(([row]) => row?.mode), Array.from({ length: 4 }, () => 'force_custom_plan'));
    } finally {
      await db.close();
    }
  });
});
