import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { upsertUser } from '../../../demo/server/auth/index.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { startCollector, type Collector } from '../../../demo/server/server.js';
import pg from 'postgres';
import { databaseTargets, postgresAdminUrl } from '../support/databases.js';
import { postSubmissions } from '../support/ingest.js';
import { openSharedPostgres } from '../support/shared-postgres.js';
import { login, type Session } from '../stats/client.js';
import { feedback, KEY, nps, PASSWORD, smiley } from '../cases/fixtures.js';
import { SseClient } from './sse-client.js';

const config = { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', CASE_WORKER_INTERVAL_MS: 0, ALERT_WORKER_INTERVAL_MS: 0, RATE_LIMIT_PER_MINUTE: 0 } as const;
const hierarchy = { brands: [{ id: 'acme', name: 'Acme', writeKeys: [KEY], regions: [{ id: 'north', name: 'North', stores: [{ id: 'n1', name: 'North One', staff: [] }] }] }] };
const postgres = databaseTargets.find((t) => t.name === 'postgres')!;

/**
 * Several collector instances on one PostgreSQL, as behind a load balancer: a dashboard connected
 * to one instance gets what is written through any other (LISTEN/NOTIFY), also when its
 * instance's LISTEN connection dropped for a while, and a client resuming after an event that
 * committed before an earlier one still gets the earlier one.
 */
describe('live events across collector instances on one PostgreSQL', { skip: postgres.skip }, () => {
  let shared: Awaited<ReturnType<typeof openSharedPostgres>>;
  let a: Collector;
  let b: Collector;
  let session: Session;
  before(async () => {
    shared = await openSharedPostgres();
    a = await startCollector({ db: shared.first, config });
    b = await startCollector({ db: shared.second, config });
    await importHierarchy(a.ctx, hierarchy);
    await upsertUser(a.ctx, { email: 'ceo@instances.test', password: PASSWORD, role: 'corporate', brandId: 'acme', name: 'Chief' });
    session = await login(b.url, 'ceo@instances.test', PASSWORD);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await shared?.close();
  });

  it('delivers a submission ingested on one instance to a dashboard connected to the other', async () => {
    const onB = await SseClient.open(b.url, session.cookie);
    const onA = await SseClient.open(a.url, session.cookie);
    try {
      const s = feedback('n1', [nps(1)]);
      const started = Date.now();
      assert.equal((await postSubmissions(a.url, s, { key: KEY })).status, 202);
      await onB.waitFor(() => onB.find('case', (d) => d['submissionId'] === s.id).length === 1, 5_000, 'the case on the other instance');
      assert.ok(Date.now() - started < 5_000);
      const back = feedback('n1', [smiley(1)]);
      assert.equal((await postSubmissions(b.url, back, { key: KEY })).status, 202);
      await onA.waitFor(() => onA.find('submission', (d) => d['submissionId'] === back.id).length === 1, 5_000, 'the way back');
      assert.equal(onB.find('submission', (d) => d['submissionId'] === s.id).length, 1, 'once');
    } finally {
      onA.close();
      onB.close();
    }
  });

  it("catches up on what was written while an instance's LISTEN connection was down", async () => {
    const onB = await SseClient.open(b.url, session.cookie);
    try {
      const [listener] = await shared.first.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'listen%' AND pid <> pg_backend_pid()");
      assert.ok(listener, 'the instances listen');
      // Every LISTEN connection is cut (as a failover would) while no new connection is let in,
      // and an event is written meanwhile: its NOTIFY reaches nobody, only a catch-up can find it.
      const [{ name }] = (await shared.first.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
      const admin = pg(postgresAdminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      try {
        await shared.first.query("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'listen%' AND pid <> pg_backend_pid()");
        await shared.first.query("INSERT INTO events (kind, brand_id, region_id, store_id, data) VALUES ('case', 'acme', 'north', 'n1', '{\"marker\": \"while-down\"}')");
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      await onB.waitFor(() => onB.find('case', (d) => d['marker'] === 'while-down').length === 1, 15_000, 'the event written while B was not listening');
      // And the instance listens again.
      const s = feedback('n1', [nps(0)]);
      assert.equal((await postSubmissions(a.url, s, { key: KEY })).status, 202);
      await onB.waitFor(() => onB.find('case', (d) => d['submissionId'] === s.id).length === 1, 5_000, 'a new event after the reconnect');
      assert.equal(onB.find('case', (d) => d['marker'] === 'while-down').length, 1, 'sent once');
    } finally {
      onB.close();
    }
  });

  it('replays to a resuming client an event that committed after a later one it saw', async () => {
    const first = await SseClient.open(b.url, session.cookie);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const insertedEarly = new Promise<void>((resolve) => (written = resolve));
    // A slow transaction takes an event id first and commits last.
    const slow = shared.first.transaction(async (tx) => {
      await tx.query("INSERT INTO events (kind, brand_id, region_id, store_id, data) VALUES ('case', 'acme', 'north', 'n1', '{\"marker\":\"slow\"}')");
      written();
      await gate;
    });
    try {
      await insertedEarly;
      const fast = feedback('n1', [smiley(2)]);
      assert.equal((await postSubmissions(a.url, fast, { key: KEY })).status, 202);
      await first.waitFor(() => first.find('case', (d) => d['submissionId'] === fast.id).length === 1, 5_000, 'the later event');
      const last = first.lastEventId!;
      first.close();
      release();
      await slow;
      const resumed = await SseClient.open(b.url, session.cookie, { lastEventId: last });
      try {
        await resumed.waitFor(() => resumed.find('case', (d) => d['marker'] === 'slow').length === 1, 5_000, 'the event with the smaller id');
        assert.ok(Number(resumed.find('case', (d) => d['marker'] === 'slow')[0]!.id) < Number(last));
      } finally {
        resumed.close();
      }
    } finally {
      release();
      first.close();
      await slow.catch(() => undefined);
    }
  });
});
