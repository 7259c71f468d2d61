import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../../../demo/seed/index.js';
import type { IdeaListResponse } from '../../../demo/server/ideas/types.js';
import type { Collector } from '../../../demo/server/server.js';
import type { KudosResponse } from '../../../demo/server/stats/types.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { getJson, login } from '../stats/client.js';

for (const target of databaseTargets) {
  describe(`the demo seed: ideas in every status, kudos with thanks (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target, { CASE_WORKER_INTERVAL_MS: 0 });
      await seedDemo(collector.ctx);
    });
    after(() => collector?.close());

    it('seeds ideas in every status, some escalated to the region, some signed', async () => {
      const rows = await collector.ctx.db.query<{ status: string; escalated: boolean; signed: boolean }>('SELECT status, escalated_at IS NOT NULL AS escalated, signed_name IS NOT NULL AS signed FROM ideas');
      assert.deepEqual([...new Set(rows.map((r) => r.status))].sort(), ['acknowledged', 'done', 'new', 'not_now', 'planned']);
      assert.ok(rows.some((r) => r.escalated) && rows.some((r) => !r.escalated));
      assert.ok(rows.some((r) => r.signed) && rows.some((r) => !r.signed));
      const astrid = await login(collector.url, 'astrid@acme.example', 'demo-staff');
      const ideas = await getJson<IdeaListResponse>(collector.url, '/v1/ideas', astrid);
      assert.ok(ideas.ideas.some((i) => i.status === 'done' && i.reply !== null), 'you said, we did');
      const nordics = await login(collector.url, 'nordics@acme.example', 'demo-regional');
      assert.ok((await getJson<IdeaListResponse>(collector.url, '/v1/ideas', nordics)).ideas.every((i) => i.escalated));
    });

    it("seeds thanks that Astrid sees with her kudos", async () => {
      const astrid = await login(collector.url, 'astrid@acme.example', 'demo-staff');
      const today = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10);
      const kudos = await getJson<KudosResponse>(collector.url, `/v1/stats/kudos?from=${from}&to=${today}&limit=200`, astrid);
      assert.ok(kudos.kudos.length > 0);
      assert.ok(kudos.kudos.some((k) => k.thanks.some((t) => t.from === 'Nils Andersson')));
    });
  });
}
