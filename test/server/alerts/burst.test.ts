import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBursts, type BurstOptions } from '../../../demo/server/alerts/evaluate/burst.js';

const MIN = 60_000;
const items = (...minutes: number[]) => minutes.map((m, i) => ({ id: `s${i}`, at: m * MIN }));
const options = (over: Partial<BurstOptions> = {}): BurstOptions => ({ count: 3, windowMs: 30 * MIN, nextBoundary: () => Infinity, fired: [], ...over });
const ids = (windows: ReturnType<typeof findBursts>) => windows.map((w) => w.members.map((m) => m.id).join(','));

describe('burst windows', () => {
  it('fires once when 3 fall within 30 minutes, and not for the 4th inside the same window', () => {
    const windows = findBursts(items(0, 10, 20, 25), options());
    assert.deepEqual(ids(windows), ['s0,s1,s2']);
    assert.deepEqual([windows[0]?.start, windows[0]?.end], [0, 30 * MIN]);
  });

  it('does not fire for 2, nor for 3 spread over 30 minutes or more', () => {
    assert.deepEqual(findBursts(items(0, 10), options()), []);
    assert.deepEqual(findBursts(items(0, 15, 30), options()), []);
  });

  it('slides: an early lone submission does not hide a later burst', () => {
    assert.deepEqual(ids(findBursts(items(0, 25, 40, 50), options())), ['s1,s2,s3']);
  });

  it('starts counting afresh once the window has passed', () => {
    assert.deepEqual(ids(findBursts(items(0, 10, 20, 25, 30, 35, 40), options())), ['s0,s1,s2', 's4,s5,s6']);
  });

  it('never spans an opening or closing of the store', () => {
    const closing = 20 * MIN;
    const nextBoundary = (t: number) => (t < closing ? closing : Infinity);
    assert.deepEqual(findBursts(items(5, 15, 25), options({ nextBoundary })), []);
    // The window that fires ends at the closing, not 30 minutes after its start.
    const windows = findBursts(items(0, 5, 10), options({ nextBoundary }));
    assert.equal(windows[0]?.end, closing);
  });

  it('skips submissions inside windows that already fired', () => {
    assert.deepEqual(findBursts(items(0, 10, 20), options({ fired: [{ start: 0, end: 30 * MIN }] })), []);
  });
});
