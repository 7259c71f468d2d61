import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { HashingBusyError, HashingQueue, passwordHashing } from '../../../demo/server/auth/hashing-queue.js';
import { createLogger } from '../../../demo/server/log.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { NOW, PASSWORD, seed, USERS } from '../stats/fixtures.js';

/** A login from `ip`, as a trusted proxy (the test client on loopback) forwards it. */
const loginFrom = (url: string, ip: string, email: string, password: string) =>
  fetch(`${url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ email, password }) });

describe('password hashing queue (unit)', () => {
  it('runs at most `concurrency` tasks at once, queues up to `maxQueued`, refuses the rest at once', async () => {
    const queue = new HashingQueue(2, 3);
    const gates: Array<() => void> = [];
    const task = () => new Promise<string>((resolve) => gates.push(() => resolve('done')));
    const runs = Array.from({ length: 5 }, () => queue.run(task));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(queue.stats, { running: 2, queued: 3, peakRunning: 2, refused: 0 });
    await assert.rejects(queue.run(task), (error: unknown) => error instanceof HashingBusyError && error.retryAfterSeconds === 1);
    assert.equal(queue.stats.refused, 1);
    // Each finished task hands its slot to the next waiter; never more than two run.
    while (gates.length > 0) {
      gates.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
      assert.ok(queue.stats.running <= 2);
    }
    assert.deepEqual(await Promise.all(runs), ['done', 'done', 'done', 'done', 'done']);
    assert.deepEqual(queue.stats, { running: 0, queued: 0, peakRunning: 2, refused: 1 });
  });

  it('frees the slot when a task fails', async () => {
    const queue = new HashingQueue(1, 0);
    await assert.rejects(queue.run(() => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await queue.run(() => Promise.resolve(1)), 1);
    assert.equal(queue.stats.running, 0);
  });
});

for (const target of databaseTargets) {
  describe(`login flood and limits (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let now = NOW;
    const lines: string[] = [];
    before(async () => {
      collector = await startTestCollector(
        target,
        { TRUSTED_PROXIES: '127.0.0.1', LOGIN_RATE_LIMIT: 5, LOGIN_RATE_LIMIT_PER_IP: 8, LOGIN_RATE_LIMIT_PER_ACCOUNT: 6, LOG_LEVEL: 'info' },
        { now: () => now, log: createLogger('info', (line) => lines.push(line)) },
      );
      await seed(collector.ctx.db);
    });
    after(() => collector.close());
    beforeEach(async () => {
      now = new Date(now.getTime() + 16 * 60_000); // every window of the previous test has passed
      await collector.ctx.db.query('DELETE FROM login_attempts');
    });

    it('limits an address across e-mails: random e-mails from one IP are refused before any hashing (security review)', async () => {
      const statuses = [];
      for (let i = 0; i < 9; i++) statuses.push((await loginFrom(collector.url, '198.51.100.1', `nobody-${i}@random.test`, 'guess')).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 401, 401, 401, 429]);
      // Other accounts from that address are slowed too, even with the right password…
      const limited = await loginFrom(collector.url, '198.51.100.1', USERS.corporate, PASSWORD);
      assert.equal(limited.status, 429);
      assert.match(((await limited.json()) as { message: string }).message, /from this address/);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      // …while the same account from another address is not.
      assert.equal((await loginFrom(collector.url, '198.51.100.2', USERS.corporate, PASSWORD)).status, 200);
    });

    it('does not count successful logins against an address (an office of managers behind one NAT)', async () => {
      for (let i = 0; i < 12; i++) assert.equal((await loginFrom(collector.url, '198.51.100.3', USERS.corporate, PASSWORD)).status, 200);
    });

    it('slows guessing one account from many addresses, and a success clears it', async () => {
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await loginFrom(collector.url, `203.0.113.${i + 1}`, USERS.regional, 'wrong')).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 401, 429]);
      const limited = await loginFrom(collector.url, '203.0.113.50', USERS.regional, PASSWORD);
      assert.equal(limited.status, 429);
      assert.match(((await limited.json()) as { message: string }).message, /for this account/);
      assert.equal(limited.headers.get('retry-after'), '900');
      // Another account is unaffected; fifteen minutes later the account is free again.
      assert.equal((await loginFrom(collector.url, '203.0.113.50', USERS.store, PASSWORD)).status, 200);
      now = new Date(now.getTime() + 15 * 60_000);
      assert.equal((await loginFrom(collector.url, '203.0.113.50', USERS.regional, PASSWORD)).status, 200);
      assert.equal((await loginFrom(collector.url, '203.0.113.51', USERS.regional, 'wrong')).status, 401, 'the success reset the account budget');
    });

    it('bounds concurrent password hashing: a flood from many addresses never runs more than half the worker pool', async () => {
      passwordHashing.resetPeak();
      const flood = await Promise.all(
        Array.from({ length: 40 }, (_, i) => loginFrom(collector.url, `192.0.2.${i + 1}`, `flood-${i}@random.test`, 'guess').then(async (res) => ({ status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error: string } }))),
      );
      const { peakRunning, refused } = passwordHashing.stats;
      assert.ok(peakRunning <= passwordHashing.concurrency, `peak ${peakRunning} ≤ ${passwordHashing.concurrency}`);
      assert.equal(passwordHashing.concurrency, 2, 'libuv has 4 threads by default: two stay free for files and DNS');
      for (const answer of flood) {
        if (answer.status === 503) assert.deepEqual([answer.body.error, answer.retryAfter], ['login_busy', '1']);
        else assert.equal(answer.status, 401);
      }
      assert.equal(flood.filter((a) => a.status === 503).length, refused);
    });

    it('logs a failed login without the e-mail or the address, with the request id', async () => {
      lines.length = 0;
      const res = await loginFrom(collector.url, '198.51.100.9', 'Someone.Private@Example.test', 'guess');
      assert.equal(res.status, 401);
      const failed = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'login failed');
      assert.ok(failed);
      assert.equal(failed.requestId, res.headers.get('x-request-id'));
      assert.ok(!lines.some((line) => /someone\.private|198\.51\.100\.9/i.test(line)), lines.join('\n'));
    });
  });
}
