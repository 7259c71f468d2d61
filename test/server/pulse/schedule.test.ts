import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pulseWindow } from '../../../demo/server/pulse/schedule.js';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

describe('pulse schedule', () => {
  it('is open every day by default, one answer per ISO week; the next pulse is next Monday', () => {
    // Sunday 2026-03-08 23:30 in Stockholm is still week 10 there (22:30 UTC).
    const w = pulseWindow({ every: 'week', days: [...EVERY_DAY] }, 'Europe/Stockholm', new Date('2026-03-08T22:30:00Z'));
    assert.deepEqual(w, { period: '2026-W10', open: true, closesAt: '2026-03-08T23:00:00.000Z', nextOpensAt: '2026-03-08T23:00:00.000Z', nextPeriod: '2026-W11' });
  });

  it('is closed outside its days and says when it opens, in the store time zone', () => {
    const w = pulseWindow({ every: 'week', days: ['fri', 'sat'] }, 'America/New_York', new Date('2026-03-04T12:00:00Z'));
    assert.equal(w.open, false);
    assert.equal(w.closesAt, null);
    assert.equal(w.nextOpensAt, '2026-03-06T05:00:00.000Z', 'Friday 00:00 in New York (EST)');
    assert.equal(w.nextPeriod, '2026-W10');
  });

  it('runs an open window to the end of its last day in a row, across a daylight-saving change', () => {
    // Europe moves its clocks on Sunday 2026-03-29: Saturday and Sunday are one window.
    const w = pulseWindow({ every: 'week', days: ['sat', 'sun'] }, 'Europe/Stockholm', new Date('2026-03-28T10:00:00Z'));
    assert.equal(w.open, true);
    assert.equal(w.closesAt, '2026-03-29T22:00:00.000Z', 'Monday 00:00 CEST');
    assert.equal(w.nextOpensAt, '2026-04-03T22:00:00.000Z', 'the next Saturday');
  });

  it('counts months when asked, and knows ISO weeks at the turn of a year', () => {
    assert.equal(pulseWindow({ every: 'month', days: [...EVERY_DAY] }, 'UTC', new Date('2026-12-31T12:00:00Z')).nextPeriod, '2027-01');
    assert.equal(pulseWindow({ every: 'week', days: [...EVERY_DAY] }, 'UTC', new Date('2027-01-01T12:00:00Z')).period, '2026-W53');
    assert.equal(pulseWindow({ every: 'week', days: [...EVERY_DAY] }, 'UTC', new Date('2025-12-29T12:00:00Z')).period, '2026-W01');
  });
});
