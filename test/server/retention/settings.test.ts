import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { retentionCutoffs } from '../../../demo/server/retention/job.js';
import { BrandSettingsSchema, defaultBrandSettings } from '../../../demo/server/settings/schema.js';

/** The brand's `retention` settings: defaults, bounds, and the moments they make due. */
describe('retention settings', () => {
  it('default to 90 days for contacts, 30 days after a resolved case, 730 days for free text', () => {
    assert.deepEqual(defaultBrandSettings().retention, { contactDays: 90, contactDaysAfterResolved: 30, freeTextDays: 730 });
    // A document saved before the section existed reads complete.
    assert.deepEqual(z.parse(BrandSettingsSchema, { cases: {} }).retention, defaultBrandSettings().retention);
    assert.deepEqual(z.parse(BrandSettingsSchema, { retention: { contactDays: 14 } }).retention, { contactDays: 14, contactDaysAfterResolved: 30, freeTextDays: 730 });
  });

  it('refuses a bad period, naming the field', () => {
    const bad: Array<[unknown, string]> = [
      [{ contactDays: 0 }, 'contactDays'],
      [{ contactDays: 1.5 }, 'contactDays'],
      [{ contactDaysAfterResolved: 4000 }, 'contactDaysAfterResolved'],
      [{ freeTextDays: -1 }, 'freeTextDays'],
      [{ freeTextDays: '730' }, 'freeTextDays'],
      [{ keepForever: true }, ''],
    ];
    for (const [retention, field] of bad) {
      const parsed = z.safeParse(BrandSettingsSchema, { retention });
      assert.equal(parsed.success, false, JSON.stringify(retention));
      const issue = parsed.error!.issues[0]!;
      assert.deepEqual(issue.path.slice(0, 2), field ? ['retention', field] : ['retention'], JSON.stringify(retention));
    }
  });

  it('makes contacts due by arrival or resolution, and text by when it was given', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    assert.deepEqual(retentionCutoffs({ contactDays: 90, contactDaysAfterResolved: 30, freeTextDays: 730 }, now), {
      contactsReceivedBefore: new Date('2026-04-01T12:00:00Z'),
      casesResolvedBefore: new Date('2026-05-31T12:00:00Z'),
      textCreatedBefore: new Date('2024-06-30T12:00:00Z'),
    });
  });
});
