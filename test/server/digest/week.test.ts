import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoWeekOf, lastSending, weekBefore, weekRange } from '../../../demo/server/digest/week.js';

describe('digest weeks', () => {
  it('names ISO weeks and their days, across year ends', () => {
    assert.equal(isoWeekOf('2026-03-04'), '2026-W10');
    assert.deepEqual(weekRange('2026-W10'), { from: '2026-03-02', to: '2026-03-08' });
    // 1 January 2027 is a Friday: it belongs to 2026's week 53.
    assert.equal(isoWeekOf('2027-01-01'), '2026-W53');
    assert.deepEqual(weekRange('2026-W53'), { from: '2026-12-28', to: '2027-01-03' });
    assert.deepEqual(weekRange('2026-W01'), { from: '2025-12-29', to: '2026-01-04' });
    assert.equal(weekRange('2027-W53'), undefined);
    assert.equal(weekRange('2026-W00'), undefined);
    assert.equal(weekRange('2026-10'), undefined);
    assert.equal(weekBefore('2026-03-09'), '2026-W10');
    assert.equal(weekBefore('2026-03-08'), '2026-W09');
  });

  it("finds the latest sending time in the brand's zone, and the complete week before it", () => {
    // Monday 08:00 in Stockholm is 07:00 UTC in winter (CET) and 06:00 UTC in summer (CEST).
    assert.deepEqual(lastSending(new Date('2026-03-09T07:00:00Z'), 'mon', '08:00', 'Europe/Stockholm'), { at: new Date('2026-03-09T07:00:00Z'), week: '2026-W10' });
    assert.deepEqual(lastSending(new Date('2026-03-09T06:59:59Z'), 'mon', '08:00', 'Europe/Stockholm'), { at: new Date('2026-03-02T07:00:00Z'), week: '2026-W09' });
    assert.deepEqual(lastSending(new Date('2026-04-01T12:00:00Z'), 'mon', '08:00', 'Europe/Stockholm'), { at: new Date('2026-03-30T06:00:00Z'), week: '2026-W13' });
    // A Friday digest covers the last complete week, not the one in progress.
    assert.deepEqual(lastSending(new Date('2026-03-14T00:00:00Z'), 'fri', '17:30', 'America/New_York'), { at: new Date('2026-03-13T21:30:00Z'), week: '2026-W10' });
    // Sunday night in Auckland is already Monday: the week there is over.
    assert.deepEqual(lastSending(new Date('2026-03-08T19:30:00Z'), 'mon', '07:00', 'Pacific/Auckland'), { at: new Date('2026-03-08T18:00:00Z'), week: '2026-W10' });
  });
});
