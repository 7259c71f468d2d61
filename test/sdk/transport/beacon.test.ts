import { expect } from '@open-wc/testing';
import { http } from '../../../sdk/transport/index.js';
import type { Submission } from '../../../sdk/index.js';
import { testCollector, waitFor, type TestCollector } from '../../support/collector.js';
import { largeSubmission, submission, submissions } from './make-submission.js';

const wire = (s: Submission): unknown => JSON.parse(JSON.stringify(s));

/** Beacons are fire-and-forget: wait until the collector has answered `count` of them. */
const answered = (collector: TestCollector, count: number) =>
  waitFor(async () => {
    const state = await collector.state();
    return state.requests.length >= count && state.requests.every((r) => r.status !== null) && state;
  }, { message: `${count} beacon(s) answered` });

describe('http transport: beacon', () => {
  it('delivers with sendBeacon: text/plain, the key in the query, no headers', async () => {
    const collector = await testCollector();
    await collector.requireKey('pk_test');
    const s = submission();

    expect(http(collector.endpoint, { key: 'pk_test' }).beacon!([s])).to.equal(true);

    const state = await answered(collector, 1);
    expect(state.requests).to.have.length(1);
    const [request] = state.requests;
    // The Blob constructor lowercases its type.
    expect(request!.contentType).to.equal('text/plain;charset=utf-8');
    expect(request!.query).to.equal('key=pk_test');
    expect(request!.authorization).to.equal(null);
    expect(request!.idempotencyKey).to.equal(null);
    expect(request!.body).to.deep.equal(wire(s));
    expect(request!.status).to.equal(202);
    expect(state.stored).to.deep.equal([s.id]);
  });

  it('encodes the key', async () => {
    const collector = await testCollector();
    await collector.requireKey('pk test/1&x');

    expect(http(collector.endpoint, { key: 'pk test/1&x' }).beacon!([submission()])).to.equal(true);

    const [request] = (await answered(collector, 1)).requests;
    expect(request!.query).to.equal('key=pk%20test%2F1%26x');
    expect(request!.status).to.equal(202);
  });

  it('sends no key when there is none', async () => {
    const collector = await testCollector();

    expect(http(collector.endpoint).beacon!([submission()])).to.equal(true);

    const [request] = (await answered(collector, 1)).requests;
    expect(request!.query).to.equal('');
  });

  it('batches like send: one beacon per part', async () => {
    const collector = await testCollector();
    const batch = submissions(3);

    expect(http(collector.endpoint, { batch: true }).beacon!(batch)).to.equal(true);
    expect(http(collector.endpoint).beacon!(batch)).to.equal(true);

    const state = await answered(collector, 4);
    const batched = state.requests.find((r) => r.ids.length === 3);
    expect(batched!.body).to.deep.equal({ submissions: batch.map(wire) });
    expect(state.requests.map((r) => r.ids.length).sort()).to.deep.equal([1, 1, 1, 3]);
    expect(state.stored).to.have.members(batch.map((s) => s.id));
    expect(state.duplicates).to.equal(3);
  });

  it('keeps each beacon under 64 KB', async () => {
    const collector = await testCollector();
    const batch = [largeSubmission(), largeSubmission(), largeSubmission()];

    const accepted = http(collector.endpoint, { batch: true }).beacon!(batch);

    const state = await answered(collector, accepted ? 2 : 1);
    for (const request of state.requests) expect(request.bytes).to.be.at.most(64 * 1024);
    expect(state.requests[0]!.ids).to.deep.equal([batch[0]!.id, batch[1]!.id]);
    // Chromium also caps the bytes of all beacons in flight at once (64 KB), so the second part
    // may be refused; then beacon() must say so.
    if (accepted) expect(state.storedCount).to.equal(3);
    else expect(state.storedCount).to.equal(2);
  });

  it('is absent when disabled', () => {
    expect(http('/v1', { beacon: false }).beacon).to.equal(undefined);
    expect(http('/v1')).to.have.property('beacon').that.is.a('function');
  });

  it('returns false without navigator.sendBeacon', () => {
    Object.defineProperty(navigator, 'sendBeacon', { value: undefined, configurable: true });
    try {
      expect(http('/v1').beacon!([submission()])).to.equal(false);
    } finally {
      delete (navigator as { sendBeacon?: unknown }).sendBeacon;
    }
    expect(navigator.sendBeacon).to.be.a('function');
  });
});
