import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import type { Submission } from '../../../sdk/index.js';
import { describeAnswers } from '../../../demo/server/cases/answers.js';
import { contactHref, contactKindOf, contactOf, withoutContactDetails } from '../../../demo/server/cases/contacts.js';
import { excerptOf } from '../../../demo/server/cases/list.js';
import { caseFor, dueAt } from '../../../demo/server/cases/rules.js';
import { isPlanError, planCaseChange, type CasePlan } from '../../../demo/server/cases/transitions.js';
import { BrandSettingsSchema, DEFAULT_ROOT_CAUSES, defaultBrandSettings } from '../../../demo/server/settings/schema.js';
import { consent, csat, feedback, nps, smiley, text } from './fixtures.js';

const defaults = defaultBrandSettings().cases;
const stars = (value: number) => ({ questionId: 'stars', type: 'stars' as const, value });

describe('caseFor: which submissions open a case, and why', () => {
  it('opens none for customers who are happy enough', () => {
    for (const answers of [[smiley(3)], [nps(7)], [csat(3)], [stars(3)], [text('Fine')], [smiley(5), nps(10), consent(true, 'a@b.se')]]) {
      assert.equal(caseFor(feedback('n1', answers), defaults), null, JSON.stringify(answers));
    }
  });

  it('opens a detractor case at or below each default threshold (NPS 6, CSAT 2, smiley and stars 2 of 5)', () => {
    for (const answers of [[nps(6)], [nps(0)], [csat(2)], [smiley(2)], [smiley(1)], [stars(2)], [smiley(5), nps(3)]]) {
      assert.deepEqual(caseFor(feedback('n1', answers), defaults), { reason: 'detractor', responseMinutes: 4320 }, JSON.stringify(answers));
    }
  });

  it('makes a detractor who agreed to be contacted a detractor_with_contact (consent answer or consent.contact)', () => {
    const expected = { reason: 'detractor_with_contact', responseMinutes: 1440 };
    assert.deepEqual(caseFor(feedback('n1', [nps(2), consent(true, 'a@b.se')]), defaults), expected);
    assert.deepEqual(caseFor(feedback('n1', [nps(2), consent(true)]), defaults), expected);
    assert.deepEqual(caseFor(feedback('n1', [smiley(1)], { consent: { contact: true } }), defaults), expected);
    assert.deepEqual(caseFor(feedback('n1', [nps(2), consent(false, 'a@b.se')]), defaults), { reason: 'detractor', responseMinutes: 4320 });
    assert.deepEqual(caseFor(feedback('n1', [smiley(1)], { consent: { contact: false } }), defaults), { reason: 'detractor', responseMinutes: 4320 });
  });

  it('opens a manager_requested case for "speak to a manager now", whatever the scores', () => {
    for (const answers of [[smiley(5)], [smiley(1), consent(true, 'a@b.se')]]) {
      assert.deepEqual(caseFor(feedback('n1', answers, { context: { tags: { managerRequested: true } } }), defaults), { reason: 'manager_requested', responseMinutes: 10 });
    }
    // Only the boolean: a string tag is not the kiosk's request.
    assert.equal(caseFor(feedback('n1', [smiley(5)], { context: { tags: { managerRequested: 'true' } } }), defaults), null);
  });

  it('never opens one for employee pulse, however low or urgent', () => {
    const pulse = feedback('n1', [smiley(1), consent(true, 'me@x.se')], { context: { channel: 'employee', tags: { managerRequested: true } } });
    assert.equal(caseFor(pulse, defaults), null);
  });

  it("follows the brand's thresholds and response times", () => {
    const strict = z.parse(BrandSettingsSchema, { cases: { detractor: { npsAtMost: 8, csatAtMost: 3, ratingAtMost: 3 }, responseMinutes: { detractor: 60, managerRequested: 5 } } }).cases;
    assert.deepEqual(caseFor(feedback('n1', [nps(8)]), strict), { reason: 'detractor', responseMinutes: 60 });
    assert.deepEqual(caseFor(feedback('n1', [smiley(3)]), strict), { reason: 'detractor', responseMinutes: 60 });
    assert.deepEqual(caseFor(feedback('n1', [csat(3)]), strict), { reason: 'detractor', responseMinutes: 60 });
    assert.equal(caseFor(feedback('n1', [nps(9)]), strict), null);
    const lenient = z.parse(BrandSettingsSchema, { cases: { detractor: { npsAtMost: 0, ratingAtMost: 1 } } }).cases;
    assert.equal(caseFor(feedback('n1', [nps(1), smiley(2)]), lenient), null);
    assert.equal(caseFor(feedback('n1', [nps(0)]), lenient)?.reason, 'detractor');
  });

  it('dates a case from the later of createdAt and arrival', () => {
    const received = new Date('2026-03-07T12:00:00Z');
    // A kiosk back online delivers yesterday's feedback: the clock starts when it arrives.
    assert.equal(dueAt(new Date('2026-03-06T12:00:00Z'), received, 10).toISOString(), '2026-03-07T12:10:00.000Z');
    // A device clock ahead of the server's gives no more than its lead.
    assert.equal(dueAt(new Date('2026-03-07T12:01:00Z'), received, 10).toISOString(), '2026-03-07T12:11:00.000Z');
  });
});

describe('contact details', () => {
  it('takes the first consented contact, with its kind; none without consent or from pulse', () => {
    assert.deepEqual(contactOf(feedback('n1', [nps(1), consent(true, ' ann@example.com ')])), { kind: 'email', value: 'ann@example.com' });
    assert.deepEqual(contactOf(feedback('n1', [nps(1), consent(true, '+44 20 7946 0958')])), { kind: 'phone', value: '+44 20 7946 0958' });
    assert.deepEqual(contactOf(feedback('n1', [nps(1), consent(true, 'ask for Ann at the desk')])), { kind: 'other', value: 'ask for Ann at the desk' });
    assert.equal(contactOf(feedback('n1', [nps(1), consent(false, 'ann@example.com')])), null);
    assert.equal(contactOf(feedback('n1', [nps(1), consent(true, '   ')])), null);
    assert.equal(contactOf(feedback('n1', [consent(true, 'me@x.se')], { context: { channel: 'employee' } })), null);
  });

  it('removes every contact from the stored body and keeps the yes/no answer', () => {
    const s = feedback('n1', [nps(1), consent(false, 'kept@nowhere.se'), { ...consent(true, 'ann@example.com'), questionId: 'again' }]);
    const stored = withoutContactDetails(s);
    assert.ok(!JSON.stringify(stored).includes('@'));
    assert.deepEqual(stored.answers.map((a) => (a.type === 'consent' ? a.value : null)), [null, false, true]);
    assert.ok(JSON.stringify(s).includes('ann@example.com'), 'the input is not changed');
    const none = feedback('n1', [nps(9)]);
    assert.equal(withoutContactDetails(none), none);
  });

  it('links e-mail with mailto: and phones with tel:, never anything else', () => {
    assert.equal(contactHref({ kind: 'email', value: 'ann.lee+shop@example.com' }), 'mailto:ann.lee%2Bshop@example.com');
    assert.equal(contactHref({ kind: 'phone', value: '+44 (0)20 7946-0958' }), 'tel:+4402079460958');
    assert.equal(contactHref({ kind: 'phone', value: '070 123 45 67' }), 'tel:0701234567');
    assert.equal(contactHref({ kind: 'other', value: 'javascript:alert(1)' }), null);
    assert.equal(contactHref({ kind: 'email', value: 'javascript:alert(1)//@x.se' }), null);
    assert.equal(contactKindOf('javascript:alert(1)'), 'other');
    assert.equal(contactKindOf('12 34'), 'other');
  });
});

describe('planCaseChange: the case state machine', () => {
  const actor = { id: 7, name: 'Nils' };
  const plan = (state: { status: 'open' | 'in_progress' | 'resolved'; assigneeId: number | null }, patch: Parameters<typeof planCaseChange>[1]) => planCaseChange(state, patch, actor, DEFAULT_ROOT_CAUSES);
  const ok = (result: ReturnType<typeof plan>): CasePlan => {
    assert.ok(!isPlanError(result), JSON.stringify(result));
    return result;
  };
  const refused = (result: ReturnType<typeof plan>, path: string[], message: RegExp) => {
    assert.ok(isPlanError(result), JSON.stringify(result));
    assert.deepEqual(result.path, path);
    assert.match(result.message, message);
  };

  it('takes an unassigned case for whoever moves it to in_progress', () => {
    const p = ok(plan({ status: 'open', assigneeId: null }, { status: 'in_progress' }));
    assert.equal(p.assigneeId, 7);
    assert.deepEqual(p.notes.map((n) => n.kind), ['assigned', 'status']);
    assert.equal(ok(plan({ status: 'open', assigneeId: 3 }, { status: 'in_progress' })).assigneeId, 3);
    assert.equal(ok(plan({ status: 'open', assigneeId: null }, { status: 'in_progress', assigneeId: 9 })).assigneeId, 9);
  });

  it('resolves only with a root cause from the list and a resolution note', () => {
    refused(plan({ status: 'in_progress', assigneeId: 7 }, { status: 'resolved' }), ['rootCause'], /required/);
    refused(plan({ status: 'in_progress', assigneeId: 7 }, { status: 'resolved', rootCause: 'weather', resolutionNote: 'x' }), ['rootCause'], /must be one of "staff", "queue"/);
    refused(plan({ status: 'in_progress', assigneeId: 7 }, { status: 'resolved', rootCause: 'queue' }), ['resolutionNote'], /required/);
    const p = ok(plan({ status: 'open', assigneeId: null }, { status: 'resolved', rootCause: 'queue', resolutionNote: 'Opened a second till' }));
    assert.deepEqual(p.resolution, { rootCause: 'queue', resolutionNote: 'Opened a second till' });
    assert.deepEqual(p.notes.map((n) => [n.kind, n.text]), [['resolved', 'Opened a second till']]);
  });

  it('accepts a root cause or resolution note only when resolving', () => {
    refused(plan({ status: 'open', assigneeId: null }, { rootCause: 'queue' }), ['rootCause'], /only accepted when resolving/);
    refused(plan({ status: 'in_progress', assigneeId: 7 }, { resolutionNote: 'done' }), ['resolutionNote'], /only accepted when resolving/);
    refused(plan({ status: 'resolved', assigneeId: 7 }, { status: 'resolved', rootCause: 'queue', resolutionNote: 'again' }), ['rootCause'], /already resolved/);
  });

  it('reopens a resolved case, clearing its resolution', () => {
    const p = ok(plan({ status: 'resolved', assigneeId: 7 }, { status: 'open', note: 'Customer called back' }));
    assert.equal(p.resolution, 'clear');
    assert.deepEqual(p.notes.map((n) => n.kind), ['reopened', 'note']);
    assert.equal(ok(plan({ status: 'resolved', assigneeId: 7 }, { status: 'in_progress' })).resolution, 'clear');
  });

  it('records notes, contact attempts, unassignment; refuses a change that changes nothing', () => {
    const p = ok(plan({ status: 'open', assigneeId: 3 }, { contactAttempt: { method: 'phone', outcome: 'no_answer' }, note: 'Will try again at 5', assigneeId: null }));
    assert.equal(p.assigneeId, null);
    assert.deepEqual(p.notes.map((n) => [n.kind, n.text, n.data]), [
      ['assigned', null, { from: 3, assigneeId: null }],
      ['contact_attempt', null, { method: 'phone', outcome: 'no_answer' }],
      ['note', 'Will try again at 5', null],
    ]);
    refused(plan({ status: 'open', assigneeId: 3 }, { status: 'open', assigneeId: 3 }), [], /changes nothing/);
    refused(plan({ status: 'open', assigneeId: null }, {}), [], /changes nothing/);
  });
});

describe('how a case shows a submission', () => {
  const survey = {
    id: 'store-exit',
    questions: [
      { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit today?', sv: 'Hur var ditt besök?' } },
      { id: 'reasons', type: 'choice', prompt: { en: 'What went wrong?' }, options: [{ id: 'queue', label: { en: 'Long queue at the till' } }, { id: 'help', label: 'No one to help me' }] },
      { id: 'helped-by', type: 'staff', prompt: 'Who helped you today?' },
    ],
  } as unknown as Parameters<typeof describeAnswers>[1];
  const answers: Submission['answers'] = [
    smiley(1),
    { questionId: 'reasons', type: 'choice', value: ['queue', 'help', 'gone'], other: 'too hot' },
    { questionId: 'helped-by', type: 'staff', value: 'eve' },
    { questionId: 'helped-by-2', type: 'staff', value: 'ann' },
    { questionId: 'removed', type: 'nps', value: 4 },
  ];

  it('gives every answer its prompt and a plain rendering, and withholds staff below the minimum', () => {
    const shown = describeAnswers(answers, survey, { disclosed: new Set(['ann']), names: new Map([['ann', 'Ann Lee']]) });
    assert.deepEqual(
      shown.map((a) => [a.prompt, a.display, a.value, a.withheld]),
      [
        ['How was your visit today?', '1 of 5', 1, false],
        ['What went wrong?', 'Long queue at the till, No one to help me, gone, Other: too hot', ['queue', 'help', 'gone'], false],
        ['Who helped you today?', 'A staff member (not shown: too few responses about them)', null, true],
        ['helped-by-2', 'Ann Lee', 'ann', false],
        ['removed', '4 of 10', 4, false],
      ],
    );
    assert.ok(!JSON.stringify(shown).includes('eve'));
  });

  it('cuts the excerpt at a word and puts it on one line', () => {
    assert.equal(excerptOf(null), null);
    assert.equal(excerptOf('  Long\n\nqueue  '), 'Long queue');
    const long = excerptOf('word '.repeat(60));
    assert.ok(long !== null && long.length <= 161 && long.endsWith('word…'), long ?? '');
  });
});
