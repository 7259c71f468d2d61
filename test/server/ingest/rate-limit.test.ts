import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { TokenBuckets } from '../../../demo/server/http/rate-limit.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, testHierarchy } from '../support/ingest.js';

describe('token buckets (unit)', () => {
  it('allows a burst, then one token per 60/perMinute seconds', () => {
    const buckets = new TokenBuckets(6, 2); // one token every 10 s
    assert.deepEqual([buckets.take('a', 0), buckets.take('a', 0)], [{ ok: true }, { ok: true }]);
    assert.deepEqual(buckets.take('a', 0), { ok: false, retryAfterSeconds: 10 });
    assert.deepEqual(buckets.take('a', 4_000), { ok: false, retryAfterSeconds: 6 });
    assert.deepEqual(buckets.take('a', 10_000), { ok: true });
    assert.deepEqual(buckets.take('b', 10_000), { ok: true }, 'keys are independent');
  });

  it('does not mint tokens when the clock goes back, and forgets idle keys past maxKeys', () => {
    const buckets = new TokenBuckets(60, 1, 3);
    assert.ok(buckets.take('a', 100_000).ok);
    assert.equal(buckets.take('a', 50_000).ok, false);
    for (const key of ['b', 'c', 'd', 'e']) buckets.take(key, 0);
    assert.ok(buckets.size <= 3);
  });
});

/** The test retailer with two registered kiosks at Stockholm. */
const withDevices = {
  brands: testHierarchy.brands.map((brand) =>
    brand.id !== 'acme'
      ? brand
      : { ...brand, writeKeys: ['pk_test', 'pk_test_2'], regions: brand.regions.map((region) => ({ ...region, stores: region.stores.map((store) => (store.id === '042' ? { ...store, devices: [{ id: 'kiosk-a', name: 'Exit' }, { id: 'kiosk-real' }] } : store)) })) },
  ),
};

for (const target of databaseTargets) {
  describe(`ingest rate limits (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let now = new Date('2026-03-02T12:00:00Z');
    before(async () => {
      // The test client (loopback) is a trusted proxy, so each test can be its own client IP through X-Forwarded-For.
      collector = await startTestCollector(target, { RATE_LIMIT_PER_MINUTE: 30, RATE_LIMIT_BURST: 2, TRUSTED_PROXIES: '127.0.0.1', TRUST_PROXY_HOPS: 1 }, { now: () => now });
      await importHierarchy(collector.ctx, withDevices);
    });
    after(() => collector.close());
    // Ten minutes on: every bucket of the previous test is full again.
    beforeEach(() => {
      now = new Date(now.getTime() + 600_000);
    });

    const from = (ip: string, device: string | undefined, key = 'pk_test') =>
      postSubmissions(collector.url, makeSubmission({ createdAt: now.toISOString(), context: { device } }), { key, headers: { 'x-forwarded-for': `203.0.113.9, ${ip}` } });
    const messageOf = async (res: Response) => ((await res.json()) as { message: string }).message;

    it('answers 429 with Retry-After once a known device used its burst, until the clock refills it', async () => {
      assert.equal((await from('10.0.0.1', 'kiosk-a')).status, 202);
      assert.equal((await from('10.0.0.2', 'kiosk-a')).status, 202);
      const limited = await from('10.0.0.3', 'kiosk-a');
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '2'); // 30/min: a token every 2 s
      assert.deepEqual(await limited.json(), { error: 'rate_limited', message: 'Too many requests from this device; retry in 2 s', retryAfter: 2 });
      now = new Date(now.getTime() + 2_000);
      assert.equal((await from('10.0.0.4', 'kiosk-a')).status, 202);
    });

    it('limits each client IP, whatever it sends', async () => {
      assert.equal((await from('10.1.0.1', undefined)).status, 202);
      assert.equal((await from('10.1.0.1', undefined)).status, 202);
      const limited = await from('10.1.0.1', undefined);
      assert.equal(limited.status, 429);
      assert.match(await messageOf(limited), /from this address/);
      now = new Date(now.getTime() + 60_000);
      assert.equal((await from('10.1.0.1', undefined)).status, 202);
    });

    it('counts a batch as one request', async () => {
      const batch = { submissions: Array.from({ length: 10 }, () => makeSubmission({ createdAt: now.toISOString(), context: { device: 'kiosk-real' } })) };
      const res = await postSubmissions(collector.url, batch, { headers: { 'x-forwarded-for': '10.2.0.1' } });
      assert.deepEqual(await res.json(), { accepted: 10, duplicates: 0 });
    });

    it('spends one token per request however many devices it names: a flood naming a real kiosk cannot hold it at 429 (security review)', async () => {
      for (let i = 0; i < 5; i++) {
        const devices = ['kiosk-real', ...Array.from({ length: 99 }, (_, d) => `forged-${i}-${d}`)];
        const flood = { submissions: devices.map((device) => makeSubmission({ createdAt: now.toISOString(), context: { device } })) };
        await postSubmissions(collector.url, flood, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
      }
      // The real kiosk's own bucket was never touched.
      assert.equal((await from('10.3.0.1', 'kiosk-real')).status, 202);
      assert.equal((await from('10.3.0.2', 'kiosk-real')).status, 202);
    });

    it('makes devices missing from the hierarchy share one bucket per write key', async () => {
      assert.equal((await from('10.4.0.1', 'made-up-1')).status, 202);
      assert.equal((await from('10.4.0.2', 'made-up-2')).status, 202);
      const limited = await from('10.4.0.3', 'made-up-3');
      assert.equal(limited.status, 429);
      assert.match(await messageOf(limited), /from this write key \(devices not in the hierarchy share one limit\)/);
      // A registered kiosk and another write key's unknown devices are unaffected.
      assert.equal((await from('10.4.0.4', 'kiosk-a')).status, 202);
      assert.equal((await from('10.4.0.5', 'made-up-4', 'pk_test_2')).status, 202);
    });
  });
}
