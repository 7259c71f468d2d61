import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storeCalendar, OpeningHoursSchema } from '../../../demo/server/alerts/time/opening-hours.js';
import { localToInstant, zonedParts } from '../../../demo/server/alerts/time/zoned.js';

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
const at = (s: string) => Date.parse(s);

describe('zoned time', () => {
  it('reads the wall clock of an instant in a zone', () => {
    const p = zonedParts(at('2026-11-23T23:30:00Z'), 'Europe/Stockholm');
    assert.deepEqual(p, { year: 2026, month: 11, day: 24, hour: 0, minute: 30, second: 0, weekday: 2 });
  });

  it('finds the instant of a local time on either side of a DST change', () => {
    // Stockholm: CET (+1) until 29 March 2026 02:00, CEST (+2) after.
    assert.equal(iso(localToInstant({ year: 2026, month: 3, day: 28 }, 9 * 60, 'Europe/Stockholm')), '2026-03-28T08:00:00.000Z');
    assert.equal(iso(localToInstant({ year: 2026, month: 3, day: 30 }, 9 * 60, 'Europe/Stockholm')), '2026-03-30T07:00:00.000Z');
    // New York: EST (−5) until 8 March 2026 02:00, EDT (−4) after.
    assert.equal(iso(localToInstant({ year: 2026, month: 3, day: 8 }, 10 * 60, 'America/New_York')), '2026-03-08T14:00:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap, and takes the first of a repeated time', () => {
    assert.equal(iso(localToInstant({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30, 'Europe/Stockholm')), '2026-03-29T01:30:00.000Z'); // 03:30 CEST
    // 25 October 2026: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    assert.equal(iso(localToInstant({ year: 2026, month: 10, day: 25 }, 2 * 60 + 30, 'Europe/Stockholm')), '2026-10-25T00:30:00.000Z');
  });

  it('accepts minutes past midnight as the next day', () => {
    assert.equal(iso(localToInstant({ year: 2026, month: 11, day: 23 }, 24 * 60 + 60, 'Asia/Tokyo')), '2026-11-23T16:00:00.000Z');
  });
});

describe('store calendar', () => {
  const weekdays = OpeningHoursSchema.parse({ mon: [['09:00', '20:00']], tue: [['09:00', '20:00']], wed: [['09:00', '20:00']], thu: [['09:00', '20:00']], fri: [['09:00', '20:00']], sat: [['09:00', '20:00']], sun: [] });
  const stockholm = storeCalendar('Europe/Stockholm', weekdays);

  it('is open inside opening hours in store time, closed outside', () => {
    assert.equal(stockholm.isOpen(at('2026-11-23T08:00:00Z')), true); // Mon 09:00 CET
    assert.equal(stockholm.isOpen(at('2026-11-23T07:59:59Z')), false);
    assert.equal(stockholm.isOpen(at('2026-11-23T19:00:00Z')), false); // 20:00 closes
    assert.equal(stockholm.isOpen(at('2026-11-29T12:00:00Z')), false); // Sunday
  });

  it('finds the next opening across a closed day and a DST change', () => {
    // Saturday 28 March 21:00 CET → Monday 30 March 09:00 CEST, an hour earlier in UTC than in winter.
    assert.equal(iso(stockholm.nextOpening(at('2026-03-28T20:00:00Z'))), '2026-03-30T07:00:00.000Z');
    assert.equal(iso(stockholm.nextOpening(at('2026-11-28T20:00:00Z'))), '2026-11-30T08:00:00.000Z');
    assert.equal(iso(stockholm.nextOpening(at('2026-11-23T10:00:00Z'))), '2026-11-23T10:00:00.000Z'); // open now
  });

  it('lists openings and closings as boundaries', () => {
    assert.deepEqual(stockholm.boundaries(at('2026-11-23T00:00:00Z'), at('2026-11-24T00:00:00Z')).map(iso), ['2026-11-23T08:00:00.000Z', '2026-11-23T19:00:00.000Z']);
  });

  it('handles hours past midnight and 24-hour days as one stretch', () => {
    const bar = storeCalendar('UTC', OpeningHoursSchema.parse({ fri: [['18:00', '02:00']] }));
    assert.equal(bar.isOpen(at('2026-11-28T01:00:00Z')), true); // Saturday 01:00, still Friday's evening
    assert.equal(bar.isOpen(at('2026-11-28T02:00:00Z')), false);
    const nonstop = storeCalendar('UTC', OpeningHoursSchema.parse({ mon: [['00:00', '24:00']], tue: [['00:00', '24:00']] }));
    assert.deepEqual(nonstop.boundaries(at('2026-11-23T12:00:00Z'), at('2026-11-24T12:00:00Z')), []);
  });

  it('is always open without opening hours, and never opens with none on any day', () => {
    assert.equal(storeCalendar('UTC', null).isOpen(0), true);
    assert.equal(storeCalendar('UTC', {}).nextOpening(0), undefined);
  });

  it('rejects malformed opening hours', () => {
    assert.equal(OpeningHoursSchema.safeParse({ mon: [['9:00', '20:00']] }).success, false);
    assert.equal(OpeningHoursSchema.safeParse({ monday: [['09:00', '20:00']] }).success, false);
  });
});
