import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadConfig, type Config } from '../../../demo/server/config.js';
import { clientIp, isHttpsRequest, proxyTrust } from '../../../demo/server/http/client-ip.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy } from '../support/ingest.js';

/** A real HTTP server (reached over loopback, 127.0.0.1) that answers what the collector would believe. */
async function whoAmI(config: Pick<Config, 'TRUSTED_PROXIES' | 'TRUST_PROXY_HOPS'>) {
  const trust = proxyTrust(config);
  const app = new Hono().get('/', (c) => c.json({ ip: clientIp(c, trust), https: isHttpsRequest(c, trust) }));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    ask: async (headers: Record<string, string> = {}) => (await (await fetch(url, { headers })).json()) as { ip: string; https: boolean },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('client address and scheme behind proxies', () => {
  it('believes nobody without TRUSTED_PROXIES, whatever X-Forwarded-For and X-Forwarded-Proto say (security review)', async () => {
    const server = await whoAmI({ TRUSTED_PROXIES: undefined, TRUST_PROXY_HOPS: 1 });
    try {
      assert.deepEqual(await server.ask({ 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' }), { ip: '127.0.0.1', https: false });
    } finally {
      await server.close();
    }
  });

  it('believes forwarding headers only when the socket peer is a trusted proxy', async () => {
    const other = await whoAmI({ TRUSTED_PROXIES: '10.0.0.0/8', TRUST_PROXY_HOPS: 1 });
    const loopback = await whoAmI({ TRUSTED_PROXIES: '127.0.0.1/32', TRUST_PROXY_HOPS: 1 });
    try {
      // A client reaching the instance directly (not from 10.x) cannot choose its address.
      assert.deepEqual(await other.ask({ 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' }), { ip: '127.0.0.1', https: false });
      assert.deepEqual(await loopback.ask({ 'x-forwarded-for': '203.0.113.1, 198.51.100.7', 'x-forwarded-proto': 'https' }), { ip: '198.51.100.7', https: true });
      assert.deepEqual(await loopback.ask(), { ip: '127.0.0.1', https: false });
    } finally {
      await other.close();
      await loopback.close();
    }
  });

  it('walks back through a chain of trusted proxies to the first untrusted hop, at most TRUST_PROXY_HOPS', async () => {
    const chain = await whoAmI({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8, fd00::/8', TRUST_PROXY_HOPS: undefined });
    const capped = await whoAmI({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8', TRUST_PROXY_HOPS: 1 });
    try {
      // The client forged "1.2.3.4"; the edge proxy (10.0.0.9) appended the client it saw.
      assert.equal((await chain.ask({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.0.0.9' })).ip, '198.51.100.7');
      assert.equal((await chain.ask({ 'x-forwarded-for': '198.51.100.7, fd00::5' })).ip, '198.51.100.7');
      assert.equal((await chain.ask({ 'x-forwarded-for': 'not-an-ip, 10.0.0.9' })).ip, '10.0.0.9', 'garbage stops the walk');
      assert.equal((await capped.ask({ 'x-forwarded-for': '198.51.100.7, 10.0.0.9' })).ip, '10.0.0.9');
    } finally {
      await chain.close();
      await capped.close();
    }
  });

  it('refuses TRUST_PROXY_HOPS without TRUSTED_PROXIES, and malformed ranges, at start', () => {
    assert.throws(() => loadConfig({ TRUST_PROXY_HOPS: '1' }), (error: unknown) => error instanceof ConfigError && /TRUST_PROXY_HOPS: needs TRUSTED_PROXIES/.test(error.message));
    assert.throws(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal' }), /TRUSTED_PROXIES: must be IP addresses or CIDR ranges/);
    assert.equal(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8,::1', TRUST_PROXY_HOPS: '2' }).TRUST_PROXY_HOPS, 2);
  });
});

for (const target of databaseTargets) {
  describe(`security headers and forged addresses (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let proxied: Collector;
    before(async () => {
      // The documented multi-instance setup, reached directly instead of through the proxy (10.x).
      collector = await startTestCollector(target, { RATE_LIMIT_PER_MINUTE: 30, RATE_LIMIT_BURST: 2, TRUSTED_PROXIES: '10.0.0.0/8', TRUST_PROXY_HOPS: 1 });
      await seedTestHierarchy(collector.ctx);
      proxied = await startTestCollector(target, { TRUSTED_PROXIES: '127.0.0.1' });
    });
    after(async () => {
      await collector.close();
      await proxied.close();
    });

    it('gives a client that forges X-Forwarded-For no fresh rate-limit bucket', async () => {
      const statuses = [];
      for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
        const res = await postSubmissions(collector.url, makeSubmission({ context: { device: `kiosk-${ip}` } }), { headers: { 'x-forwarded-for': ip } });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [202, 202, 429]);
    });

    it('sends nosniff on every response, HSTS only on https through a trusted proxy', async () => {
      for (const [path, status] of [['/healthz', 200], ['/no/such/route', 404], ['/v1/auth/me', 401]] as const) {
        const res = await fetch(collector.url + path);
        assert.equal(res.status, status);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(res.headers.get('strict-transport-security'), null, path);
      }
      const forged = await fetch(`${collector.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(forged.headers.get('strict-transport-security'), null, 'an untrusted peer cannot claim https');
      const viaProxy = await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(viaProxy.headers.get('strict-transport-security'), 'max-age=31536000');
      assert.equal(viaProxy.headers.get('x-content-type-options'), 'nosniff');
    });
  });
}
