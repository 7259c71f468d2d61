import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredSubmission } from '../../../demo/server/context.js';
import { ruleMatches } from '../../../demo/server/alerts/rules/match.js';
import { AlertRuleSchema, AlertRulesFileSchema, redactRule, ScoreRuleSchema } from '../../../demo/server/alerts/rules/schema.js';
import { ChannelSchema, IdSchema } from '../../../sdk/index.js';
import * as zm from 'zod/mini';

const webhook = { url: 'https://hooks.example.com/sv', secret: 'whsec_0123456789abcdef' };
const rule = (over: Record<string, unknown>) => ScoreRuleSchema.parse({ id: 'r1', kind: 'score', brand: 'acme', when: { minScoreAtMost: 2 }, webhook, ...over });

function submission(over: Partial<StoredSubmission> & { tags?: Record<string, unknown> } = {}): StoredSubmission {
  const { tags, ...rest } = over;
  return {
    id: '0192f3a0-0000-7000-8000-000000000001',
    brandId: 'acme',
    regionId: 'emea-north',
    storeId: '042',
    staffIds: [],
    deviceId: null,
    channel: 'kiosk',
    surveyId: 'post-visit',
    createdAt: new Date('2026-11-23T10:00:00Z'),
    minScore: 2,
    nps: null,
    flags: [],
    body: { context: { channel: 'kiosk', tags: tags ?? {} } },
    ...rest,
  };
}
const matches = (r: ReturnType<typeof rule>, s: StoredSubmission) => ruleMatches(r, { submission: s, regionId: s.regionId });

describe('alert rule format', () => {
  it('fills defaults: hold outside hours, enabled, whole brand, per store', () => {
    const r = AlertRuleSchema.parse({ id: 'b', kind: 'burst', brand: 'acme', count: 3, withinMinutes: 30, when: { minScoreAtMost: 2 }, webhook });
    assert.equal(r.outsideHours, 'hold');
    assert.equal(r.enabled, true);
    assert.deepEqual(r.scope, {});
    assert.equal(r.kind === 'burst' && r.per, 'store');
  });

  it('rejects rules that would alert on everything or nowhere', () => {
    for (const bad of [
      { when: {} },
      { webhook: { url: 'ftp://x', secret: webhook.secret } },
      { webhook: { url: webhook.url, secret: 'short' } },
      { kind: 'burst', count: 1, withinMinutes: 30 },
      { unknownField: true },
      { id: 'has spaces' },
    ]) {
      assert.equal(AlertRuleSchema.safeParse({ id: 'r1', kind: 'score', brand: 'acme', when: { minScoreAtMost: 2 }, webhook, ...bad }).success, false, JSON.stringify(bad));
    }
  });

  it('uses the same id alphabet as the SDK', () => {
    for (const id of ['042', 'emea-north', 'a.b_c:d', '-x', '', 'é', 'x'.repeat(64), 'x'.repeat(65)]) {
      const ours = AlertRuleSchema.safeParse({ id, kind: 'score', brand: 'acme', when: { minScoreAtMost: 2 }, webhook }).success;
      assert.equal(ours, zm.safeParse(IdSchema, id).success, JSON.stringify(id));
    }
  });

  it('knows the same customer channels as the SDK, and never watches the employee channel', () => {
    for (const channel of ['web', 'kiosk', 'app', 'qr', 'pos']) {
      const ours = AlertRuleSchema.safeParse({ id: 'r', kind: 'score', brand: 'acme', when: { minScoreAtMost: 2, channel }, webhook }).success;
      assert.equal(ours, zm.safeParse(ChannelSchema, channel).success, channel);
    }
    assert.equal(zm.safeParse(ChannelSchema, 'employee').success, true);
    for (const channel of ['employee', ['kiosk', 'employee']]) {
      const refused = AlertRuleSchema.safeParse({ id: 'r', kind: 'score', brand: 'acme', when: { minScoreAtMost: 2, channel } });
      assert.equal(refused.success, false);
      assert.match(refused.error?.issues[0]?.message ?? '', /never watch the employee channel/);
    }
  });

  it('takes a webhook as optional: every alert reaches the dashboard', () => {
    const r = AlertRuleSchema.parse({ id: 'r', kind: 'score', brand: 'acme', when: { minScoreAtMost: 2 } });
    assert.equal(r.webhook, undefined);
    assert.equal(redactRule(r).webhook, null);
    // Escalation and drop rules only add a webhook to the collector's own alerts: one is required.
    assert.equal(AlertRuleSchema.safeParse({ id: 'e', kind: 'escalation', brand: 'acme' }).success, false);
    assert.equal(AlertRuleSchema.safeParse({ id: 'e', kind: 'escalation', brand: 'acme', webhook }).success, true);
  });

  it('reads a rules file as an array or { rules }, with unique ids', () => {
    const one = { id: 'r1', kind: 'score', brand: 'acme', when: { npsAtMost: 6 }, webhook };
    assert.equal(AlertRulesFileSchema.parse([one]).length, 1);
    assert.equal(AlertRulesFileSchema.parse({ rules: [one] }).length, 1);
    assert.equal(AlertRulesFileSchema.safeParse([one, one]).success, false);
  });

  it('never shows the secret, nor the webhook URL past its origin', () => {
    const shown = redactRule(rule({}));
    assert.deepEqual(shown.webhook, { url: `${new URL(webhook.url).origin}/…`, secretSet: true });
    assert.equal(JSON.stringify(shown).includes(webhook.secret.slice(-4)), false);
  });
});

describe('rule matching', () => {
  it('matches a score at or below the threshold', () => {
    assert.equal(matches(rule({}), submission({ minScore: 2 })), true);
    assert.equal(matches(rule({}), submission({ minScore: 3 })), false);
    assert.equal(matches(rule({}), submission({ minScore: null })), false);
  });

  it('matches NPS detractors', () => {
    const r = rule({ when: { npsAtMost: 6 } });
    assert.equal(matches(r, submission({ nps: 6 })), true);
    assert.equal(matches(r, submission({ nps: 7 })), false);
    assert.equal(matches(r, submission({ nps: null })), false);
  });

  it('matches a tag from the kiosk, e.g. a request to see the manager', () => {
    const r = rule({ when: { tag: { managerRequested: true } } });
    assert.equal(matches(r, submission({ tags: { managerRequested: true } })), true);
    assert.equal(matches(r, submission({ tags: { managerRequested: 'true' } })), false);
    assert.equal(matches(r, submission({ tags: {} })), false);
  });

  it('requires every condition given', () => {
    const r = rule({ when: { minScoreAtMost: 2, tag: { lane: 4 } } });
    assert.equal(matches(r, submission({ minScore: 1, tags: { lane: 4 } })), true);
    assert.equal(matches(r, submission({ minScore: 1, tags: { lane: 5 } })), false);
  });

  it('leaves employee pulse feedback out, and matches the channels named', () => {
    assert.equal(matches(rule({}), submission({ channel: 'employee' })), false);
    assert.equal(matches(rule({ when: { minScoreAtMost: 2, channel: ['web', 'qr'] } }), submission({ channel: 'kiosk' })), false);
    assert.equal(matches(rule({ when: { minScoreAtMost: 2, channel: ['web', 'kiosk'] } }), submission({ channel: 'kiosk' })), true);
  });

  it('respects the scope and the brand', () => {
    assert.equal(matches(rule({ scope: { region: 'emea-north' } }), submission()), true);
    assert.equal(matches(rule({ scope: { region: 'emea-south' } }), submission()), false);
    assert.equal(matches(rule({ scope: { store: ['041', '042'] } }), submission()), true);
    assert.equal(matches(rule({ scope: { store: '043' } }), submission()), false);
    assert.equal(matches(rule({ scope: { store: '042' } }), submission({ storeId: null })), false);
    assert.equal(matches(rule({ brand: 'other' }), submission()), false);
    assert.equal(matches(rule({ enabled: false }), submission()), false);
  });
});
