import { expect } from '@open-wc/testing';
import { createClient, uuidv7, type Submission } from '../../../sdk/index.js';
import { openOutbox } from '../../../sdk/outbox/open.js';
import { setOffline, testCollector, waitFor } from '../../support/collector.js';
import { openTab } from '../fixtures/frames.js';
import { clientFor, fastHttp, recordEvents, smiley, text, uniqueOutbox } from './helpers.js';

/** Every id stored exactly once, none missing, none extra. */
function expectExactlyOnce(stored: readonly string[], expected: readonly string[]) {
  expect(new Set(stored).size).to.equal(stored.length, 'no id stored twice');
  expect([...stored].sort()).to.deep.equal([...expected].sort());
}

describe('delivery: no loss, no duplicates', () => {
  afterEach(() => setOffline(false));

  it('(a) delivers 200 submissions exactly once while the endpoint fails intermittently', async () => {
    const collector = await testCollector();
    await collector.failRate(0.4, 7);
    const client = clientFor(collector, {
      destinations: { main: fastHttp(collector, { batch: 20 }) },
      submitTimeoutMs: 0,
      retry: { baseDelayMs: 10, maxDelayMs: 100 },
    });
    const dropped: unknown[] = [];
    client.on('dropped', (e) => dropped.push(e));
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => client.submit({ surveyId: 's', answers: [text(`n${i}`)] })));
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 200 && s;
    }, { timeout: 30_000, message: '200 stored' });
    expectExactlyOnce(state.stored, results.map((r) => r.id));
    expect(state.requests.some((r) => r.fault !== null)).to.equal(true, 'faults were injected');
    expect(state.duplicates).to.equal(0);
    expect(dropped).to.deep.equal([]);
    await waitFor(async () => (await client.pending()).length === 0);
    client.destroy();
  });

  it('(b) sends what was pending when the page reloaded mid-delivery', async () => {
    const collector = await testCollector();
    const outbox = uniqueOutbox();
    // The first request hangs, so the reload happens with delivery in flight; the rest fail until the reload.
    await collector.fail({ hangMs: 1500 });
    await collector.down(true);
    const tab = await openTab({ endpoint: collector.endpoint, outbox, batch: '5' });
    const results = await tab.tab().submitMany(12, 'before-reload');
    expect(results.every((r) => r.status === 'queued' && r.durable)).to.equal(true);
    await waitFor(async () => (await collector.state()).requests.length > 0, { message: 'a request in flight' });
    const ids = results.map((r) => r.id);

    await tab.reload();
    await collector.down(false);
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 12 && s;
    }, { timeout: 15_000, message: 'all 12 stored after reload' });
    expectExactlyOnce(state.stored, ids);
    await waitFor(async () => (await tab.tab().client.pending()).length === 0, { message: 'outbox empty' });
    tab.close();
  });

  it('(c) two tabs sharing one outbox deliver everything once', async () => {
    const collector = await testCollector();
    await collector.failRate(0.3, 11);
    const outbox = uniqueOutbox();
    const [a, b] = await Promise.all([openTab({ endpoint: collector.endpoint, outbox, device: 'a' }), openTab({ endpoint: collector.endpoint, outbox, device: 'b' })]);
    const [fromA, fromB] = await Promise.all([a.tab().submitMany(40, 'a'), b.tab().submitMany(40, 'b')]);
    const ids = [...fromA, ...fromB].map((r) => r.id);
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 80 && s;
    }, { timeout: 20_000, message: '80 stored' });
    expectExactlyOnce(state.stored, ids);
    // Only one tab flushes at a time, so no submission reaches the collector twice in accepted requests.
    expect(state.duplicates).to.equal(0);
    await waitFor(async () => (await a.tab().client.pending()).length === 0);
    a.close();
    b.close();
  });

  it('(d) still delivers when IndexedDB is unavailable, and says the copy is not durable', async () => {
    const collector = await testCollector();
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => { throw new DOMException('The user denied permission', 'SecurityError'); } });
    try {
      await collector.fail({ status: 503 });
      // A long backoff, so no automatic retry can land before submit() answers; flush() sends it.
      const client = clientFor(collector, { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
      const first = await client.submit({ surveyId: 's', answers: [smiley(2)] });
      expect(first.status).to.equal('queued');
      expect(first.durable).to.equal(false);
      expect((await client.pending())[0]!.durable).to.equal(false);
      await client.flush();
      expect((await collector.state()).storedCount).to.equal(1);
      const second = await client.submit({ surveyId: 's', answers: [smiley(4)] });
      expect(second.status).to.equal('sent');
      expect(String(warnings[0]?.[0])).to.contain('IndexedDB is unavailable');
      client.destroy();
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
      console.warn = warn;
    }
  });

  it('(d) keeps a submission in memory when an IndexedDB write fails', async () => {
    const collector = await testCollector();
    await collector.down(true);
    const client = clientFor(collector, { submitTimeoutMs: 50 });
    await client.pending(); // the outbox is open
    const add = IDBObjectStore.prototype.add;
    const warn = console.warn;
    console.warn = () => {};
    IDBObjectStore.prototype.add = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      const result = await client.submit({ surveyId: 's', answers: [smiley(2)] });
      expect(result.status).to.equal('queued');
      expect(result.durable).to.equal(false);
    } finally {
      IDBObjectStore.prototype.add = add;
      console.warn = warn;
    }
    await collector.down(false);
    await client.flush();
    expect((await collector.state()).storedCount).to.equal(1);
    expect(await client.pending()).to.deep.equal([]);
    client.destroy();
  });

  it('(e) a down destination does not hold up a healthy one, and gets everything once it recovers', async () => {
    const main = await testCollector();
    const alerts = await testCollector();
    await alerts.down(true);
    const client = clientFor(main, {
      destinations: { main: fastHttp(main), alerts: fastHttp(alerts) },
      routes: [{ when: { minScoreAtMost: 2 }, to: ['main', 'alerts'] }],
      submitTimeoutMs: 500,
    });
    const bad = await client.submit({ surveyId: 's', answers: [smiley(1)] });
    const good = await client.submit({ surveyId: 's', answers: [smiley(5)] });
    expect(bad.status).to.equal('queued');
    expect(bad.destinations).to.deep.equal({ main: 'sent', alerts: 'queued' });
    expect(good.status).to.equal('sent');
    expect(good.destinations).to.deep.equal({ main: 'sent' });
    expect((await main.state()).stored).to.deep.equal([bad.id, good.id]);

    const [pending] = await client.pending();
    expect(pending!.id).to.equal(bad.id);
    expect(Object.keys(pending!.destinations)).to.deep.equal(['alerts']);
    expect(pending!.destinations.alerts!.attempts).to.be.greaterThan(0);

    await alerts.down(false);
    await waitFor(async () => (await alerts.state()).storedCount === 1, { message: 'alert delivered after recovery' });
    expect((await alerts.state()).stored).to.deep.equal([bad.id]);
    expect((await main.state()).storedCount).to.equal(2, 'main did not get anything twice');
    client.destroy();
  });
});

describe('delivery: the page and the network', () => {
  afterEach(() => setOffline(false));

  it('keeps feedback while offline and sends it when the browser is back online', async () => {
    const collector = await testCollector();
    const client = clientFor(collector, { submitTimeoutMs: 300 });
    const events = recordEvents(client);
    await setOffline(true);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await client.submit({ surveyId: 's', answers: [smiley(3)] }));
    expect(results.map((r) => r.status)).to.deep.equal(['queued', 'queued', 'queued', 'queued', 'queued']);
    expect(await client.pending()).to.have.length(5);
    expect(events.filter((e) => e.type === 'retry')).to.deep.equal([], 'no attempts are wasted while offline');
    await setOffline(false);
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 5 && s;
    }, { message: 'delivered on online' });
    expectExactlyOnce(state.stored, results.map((r) => r.id));
    client.destroy();
  });

  it('beacons pending submissions when the page goes away, and keeps them until a confirmed send', async () => {
    const collector = await testCollector();
    await collector.requireKey('pk_beacon');
    await collector.fail({ status: 503 });
    const outbox = uniqueOutbox();
    // A real page in an iframe: removing it fires a real pagehide, as closing a tab does.
    const tab = await openTab({ endpoint: collector.endpoint, outbox, key: 'pk_beacon', baseDelay: '60000' });
    const [result] = await tab.tab().submitMany(1, 'beacon');
    expect(result!.status).to.equal('queued');
    tab.frame.remove();
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 1 && s;
    }, { message: 'beacon arrived' });
    const beacon = state.requests.find((r) => r.status === 202)!;
    expect(beacon.contentType).to.contain('text/plain');
    expect(beacon.query).to.equal('key=pk_beacon');
    expect(beacon.idempotencyKey).to.equal(null);
    expect(beacon.ids).to.deep.equal([result!.id]);

    // A beacon is not a confirmation: the next page still has it, resends it, and the collector dedupes.
    const next = await openTab({ endpoint: collector.endpoint, outbox, key: 'pk_beacon' });
    await waitFor(async () => (await next.tab().client.pending()).length === 0, { message: 'confirmed by the next page' });
    const after = await collector.state();
    expect(after.storedCount).to.equal(1);
    expect(after.duplicates).to.equal(1);
    next.close();
  });

  it('drops what stayed undelivered past maxAgeMs, and says so', async () => {
    const collector = await testCollector();
    const name = uniqueOutbox();
    const store = await openOutbox(name, 'auto', () => {});
    const old: Submission = {
      id: uuidv7(Date.now() - 3 * 86_400_000),
      schemaVersion: 1,
      surveyId: 's',
      createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      context: { channel: 'kiosk' },
      answers: [smiley(1)],
    };
    await store.add({ id: old.id, submission: old, bytes: 200, queuedAt: Date.now() - 3 * 86_400_000, pending: { main: { attempts: 40, nextAttemptAt: 0 } } }, { maxItems: 10, maxBytes: 1e6 });
    store.close();
    const dropped: string[] = [];
    const client = createClient({ destinations: { main: fastHttp(collector) }, outbox: { name, maxAgeMs: 86_400_000 } });
    client.on('dropped', (e) => dropped.push(`${e.id}:${e.reason}`));
    await waitFor(() => dropped.length === 1, { message: 'expired' });
    expect(dropped).to.deep.equal([`${old.id}:expired`]);
    expect(await client.pending()).to.deep.equal([]);
    expect((await collector.state()).requests).to.have.length(0);
    client.destroy();
  });

  it('leaves queued submissions for the next client after destroy()', async () => {
    const collector = await testCollector();
    await collector.down(true);
    const name = uniqueOutbox();
    const first = clientFor(collector, { outbox: { name }, submitTimeoutMs: 50 });
    const result = await first.submit({ surveyId: 's', answers: [smiley(4)] });
    first.destroy();
    await collector.down(false);
    const second = clientFor(collector, { outbox: { name } });
    await waitFor(async () => (await collector.state()).storedCount === 1, { message: 'sent by the next client' });
    expect((await collector.state()).stored).to.deep.equal([result.id]);
    second.destroy();
  });

  it('flush() retries at once, ignoring backoff', async () => {
    const collector = await testCollector();
    await collector.fail({ status: 500 });
    const client = clientFor(collector, { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 }, submitTimeoutMs: 500 });
    const result = await client.submit({ surveyId: 's', answers: [smiley(4)] });
    expect(result.status).to.equal('queued');
    const report = await client.flush();
    expect(report).to.deep.equal({ sent: 1, retrying: 0, failed: 0, pending: 0 });
    client.destroy();
  });
});
