import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import type { Collector } from '../../../demo/server/server.js';
import { CommentsResponseSchema, DistributionResponseSchema, KudosResponseSchema, StatsResponseSchema, TrendResponseSchema } from '../../../demo/server/stats/types.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, login, type Session } from './client.js';
import { NOW, PASSWORD, RANGE, seed, USERS } from './fixtures.js';

const ENDPOINTS = ['/v1/stats', '/v1/stats/trend', '/v1/stats/distribution', '/v1/stats/comments', '/v1/stats/kudos', '/v1/stats/export.csv'];
/** The schemas the dashboard validates each JSON answer with (demo/pages/dashboard/api.ts). */
const SCHEMAS: Record<string, z.ZodMiniType | undefined> = {
  '/v1/stats': StatsResponseSchema,
  '/v1/stats/trend': TrendResponseSchema,
  '/v1/stats/distribution': DistributionResponseSchema,
  '/v1/stats/comments': CommentsResponseSchema,
  '/v1/stats/kudos': KudosResponseSchema,
};
const ROLES = ['corporate', 'regional', 'store', 'staff'] as const;
type Role = (typeof ROLES)[number];

/**
 * Every parameter a client could forge, and what each role must get: 200 inside its scope,
 * 403 outside it, 400 for parameters that never exist (the brand comes from the session).
 */
const CASES: Array<{ query: string; expect: Record<Role, number> }> = [
  { query: '', expect: { corporate: 200, regional: 200, store: 200, staff: 200 } },
  { query: 'region=north', expect: { corporate: 200, regional: 200, store: 200, staff: 200 } },
  { query: 'region=south', expect: { corporate: 200, regional: 403, store: 403, staff: 403 } },
  { query: 'region=x', expect: { corporate: 200, regional: 403, store: 403, staff: 403 } },
  { query: 'store=n1', expect: { corporate: 200, regional: 200, store: 200, staff: 200 } },
  { query: 'store=n2', expect: { corporate: 200, regional: 200, store: 403, staff: 403 } },
  { query: 'store=s1', expect: { corporate: 200, regional: 403, store: 403, staff: 403 } },
  { query: 'store=x1', expect: { corporate: 200, regional: 403, store: 403, staff: 403 } },
  { query: 'staff=ann', expect: { corporate: 200, regional: 200, store: 200, staff: 200 } },
  { query: 'staff=bob', expect: { corporate: 200, regional: 200, store: 200, staff: 403 } },
  { query: 'staff=cat', expect: { corporate: 200, regional: 200, store: 403, staff: 403 } },
  { query: 'staff=dan', expect: { corporate: 200, regional: 403, store: 403, staff: 403 } },
  { query: 'region=north&store=s1', expect: { corporate: 200, regional: 403, store: 403, staff: 403 } },
  { query: 'store=n1&staff=dan', expect: { corporate: 200, regional: 403, store: 403, staff: 403 } },
  { query: 'brand=other', expect: { corporate: 400, regional: 400, store: 400, staff: 400 } },
  { query: 'store=n1&store=s1', expect: { corporate: 400, regional: 400, store: 400, staff: 400 } },
  { query: 'region=north&region=south', expect: { corporate: 400, regional: 400, store: 400, staff: 400 } },
  { query: 'store=n1%27%20OR%201%3D1', expect: { corporate: 400, regional: 400, store: 400, staff: 400 } },
];

/** Strings that only appear in data outside a role's scope (comments, ids, names). */
const FOREIGN: Record<Role, string[]> = {
  corporate: ['Other brand secret', 'X One'],
  regional: ['Other brand secret', 'Dan ignored me', 'South One', '"s1"'],
  store: ['Other brand secret', 'Dan ignored me', 'Great help from Cat', 'North Two', '"n2"', '"s1"', 'South'],
  staff: ['Other brand secret', 'Dan ignored me', 'Great help from Cat', 'Thanks Bob', 'Slow', 'HYPERLINK', '"bob"', '"n2"', '"s1"'],
};

for (const target of databaseTargets) {
  describe(`stats scope matrix (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    const sessions = {} as Record<Role, Session>;
    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: 1 }, { now: () => NOW });
      await seed(collector.ctx.db);
      for (const role of ROLES) sessions[role] = await login(collector.url, USERS[role], PASSWORD);
    });
    after(() => collector.close());

    it('answers 401 on every endpoint without a session', async () => {
      for (const endpoint of ENDPOINTS) assert.equal((await fetch(`${collector.url}${endpoint}`)).status, 401, endpoint);
    });

    for (const role of ROLES) {
      it(`${role}: every endpoint × every forged parameter gets the expected status, the dashboard's shape, and no foreign data`, async () => {
        for (const endpoint of ENDPOINTS) {
          for (const levelParam of ['', 'level=region', 'level=store', 'level=staff']) {
            for (const c of CASES) {
              const query = [RANGE, levelParam, c.query].filter(Boolean).join('&');
              const res = await get(collector.url, `${endpoint}?${query}`, sessions[role]);
              const text = await res.text();
              assert.equal(res.status, c.expect[role], `${role} ${endpoint}?${query}: ${text}`);
              // Every answer has the shape the dashboard checks, withheld values and empty groups included.
              const schema = SCHEMAS[endpoint];
              if (res.status === 200 && schema) {
                const parsed = z.safeParse(schema, JSON.parse(text));
                assert.ok(parsed.success, `${role} ${endpoint}?${query}: ${parsed.error?.message}`);
              }
              for (const foreign of FOREIGN[role]) assert.ok(!text.includes(foreign), `${role} ${endpoint}?${query} leaked ${foreign}`);
            }
          }
        }
      });
    }

    it('store manager: every answer is about their own store only', async () => {
      const s = sessions.store;
      const stats = (await (await get(collector.url, `/v1/stats?level=store&${RANGE}`, s)).json()) as { groups: Array<{ id: string }>; filter: { store: string } };
      assert.deepEqual(stats.groups.map((g) => g.id), ['n1']);
      assert.equal(stats.filter.store, 'n1');
      const regions = (await (await get(collector.url, `/v1/stats?level=region&${RANGE}`, s)).json()) as { groups: Array<{ id: string; volume: number }> };
      assert.deepEqual(regions.groups.map((g) => [g.id, g.volume]), [['north', 6]]);
      const comments = (await (await get(collector.url, `/v1/stats/comments?${RANGE}`, s)).json()) as { comments: Array<{ storeId: string }> };
      assert.ok(comments.comments.length > 0 && comments.comments.every((c) => c.storeId === 'n1'));
    });

    it('staff member: only feedback that names them, and their own kudos', async () => {
      const s = sessions.staff;
      const stats = (await (await get(collector.url, `/v1/stats?level=staff&${RANGE}`, s)).json()) as { summary: { volume: number }; groups: Array<{ id: string }> };
      assert.equal(stats.summary.volume, 2);
      assert.deepEqual(stats.groups.map((g) => g.id), ['ann']);
      const kudos = (await (await get(collector.url, `/v1/stats/kudos?${RANGE}`, s)).json()) as { kudos: Array<{ text: string }> };
      assert.deepEqual(kudos.kudos.map((k) => k.text), ['Ann was wonderful']);
      assert.equal((await get(collector.url, `/v1/stats?channel=employee&${RANGE}`, s)).status, 403);
    });

    it('corporate of another brand sees none of acme', async () => {
      const other = await login(collector.url, USERS.otherBrand, PASSWORD);
      const body = (await (await get(collector.url, `/v1/stats?level=store&${RANGE}`, other)).json()) as { summary: { volume: number }; groups: Array<{ id: string }> };
      assert.equal(body.summary.volume, 1);
      assert.deepEqual(body.groups.map((g) => g.id), ['x1']);
      const acmeStore = (await (await get(collector.url, `/v1/stats?store=n1&${RANGE}`, other)).json()) as { summary: { volume: number } };
      assert.equal(acmeStore.summary.volume, 0);
    });
  });
}
