import { expect } from '@open-wc/testing';
import { lowestScore, matches, npsScore, route, type Answer, type Submission } from '../../sdk/index.js';
import { backoffDelay } from '../../sdk/transport/retry-policy.js';

function submission(answers: Answer[], context: Partial<Submission['context']> = {}): Submission {
  return {
    id: '0192f3a0-0000-7000-8000-000000000000',
    schemaVersion: 1,
    surveyId: 'post-visit',
    createdAt: '2026-11-23T10:15:00.000Z',
    context: { channel: 'web', brand: 'acme', region: 'emea-north', store: '042', ...context },
    answers,
  };
}

const mood = (value: number): Answer => ({ questionId: 'mood', type: 'smiley', value });
const nps = (value: number): Answer => ({ questionId: 'nps', type: 'nps', value });

describe('router', () => {
  describe('lowestScore / npsScore', () => {
    it('takes the lowest 1–5 rating and ignores NPS and text', () => {
      const s = submission([mood(4), { questionId: 'stars', type: 'stars', value: 2 }, nps(0), { questionId: 'why', type: 'text', value: '1' }]);
      expect(lowestScore(s)).to.equal(2);
      expect(npsScore(s)).to.equal(0);
    });
    it('is undefined without ratings', () => {
      expect(lowestScore(submission([nps(9)]))).to.equal(undefined);
      expect(npsScore(submission([mood(3)]))).to.equal(undefined);
    });
  });

  describe('matches', () => {
    it('tests scores against bounds', () => {
      expect(matches(submission([mood(2)]), { minScoreAtMost: 2 })).to.equal(true);
      expect(matches(submission([mood(3)]), { minScoreAtMost: 2 })).to.equal(false);
      expect(matches(submission([nps(6)]), { minScoreAtMost: 2 })).to.equal(false, 'no rating, no match');
      expect(matches(submission([nps(6)]), { npsAtMost: 6 })).to.equal(true);
      expect(matches(submission([nps(9)]), { npsAtLeast: 9, minScoreAtLeast: 1 })).to.equal(false, 'every field must hold');
    });
    it('tests the hierarchy with one id or a list', () => {
      const s = submission([mood(5)], { region: 'emea-north', store: '042', channel: 'kiosk' });
      expect(matches(s, { region: 'emea-north' })).to.equal(true);
      expect(matches(s, { region: ['us-west', 'emea-north'], store: '042' })).to.equal(true);
      expect(matches(s, { region: 'emea-south' })).to.equal(false);
      expect(matches(s, { channel: ['web', 'app'] })).to.equal(false);
      expect(matches(s, { brand: 'acme', surveyId: 'post-visit' })).to.equal(true);
    });
    it('tests free text and answers', () => {
      const s = submission([mood(1), { questionId: 'why', type: 'text', value: 'Rude staff' }]);
      expect(matches(s, { hasText: true })).to.equal(true);
      expect(matches(submission([mood(1)]), { hasText: true })).to.equal(false);
      expect(matches(s, { answers: { mood: { lte: 1 }, why: { answered: true } } })).to.equal(true);
      expect(matches(s, { answers: { mood: { gte: 2 } } })).to.equal(false);
    });
    it('tests context tags by exact value', () => {
      const s = submission([mood(1)], { tags: { managerRequested: true, lane: 4 } });
      expect(matches(s, { tags: { managerRequested: true } })).to.equal(true);
      expect(matches(s, { tags: { managerRequested: true, lane: 4 } })).to.equal(true);
      expect(matches(s, { tags: { lane: '4' } })).to.equal(false, 'no type coercion');
      expect(matches(s, { tags: { managerRequested: false } })).to.equal(false);
      expect(matches(submission([mood(1)]), { tags: { managerRequested: true } })).to.equal(false, 'no tags, no match');
    });
  });

  describe('route', () => {
    const routes = [
      { when: { minScoreAtMost: 2 }, to: ['main', 'alerts'] },
      { when: { region: 'emea-north' }, to: ['eu'] },
    ];
    it('lets the first matching rule decide', () => {
      expect(route(submission([mood(1)]), routes, 'main')).to.deep.equal(['main', 'alerts']);
      expect(route(submission([mood(5)]), routes, 'main')).to.deep.equal(['eu']);
    });
    it('falls back to the default destination', () => {
      expect(route(submission([mood(5)], { region: 'us-west' }), routes, 'main')).to.deep.equal(['main']);
    });
    it('adds later matches after a rule with continue', () => {
      const cont = [{ ...routes[0]!, continue: true }, routes[1]!];
      expect(route(submission([mood(1)]), cont, 'main')).to.deep.equal(['main', 'alerts', 'eu']);
    });
    it('accepts predicates and rules without a condition', () => {
      expect(route(submission([mood(5)]), [{ when: (s) => s.context.store === '042', to: ['store'] }], 'main')).to.deep.equal(['store']);
      expect(route(submission([mood(5)]), [{ to: ['all'] }], 'main')).to.deep.equal(['all']);
    });
  });

  describe('backoffDelay', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 8000 };
    it('doubles the bound per attempt, capped, with equal jitter', () => {
      expect(backoffDelay(1, policy, undefined, () => 1)).to.equal(1000);
      expect(backoffDelay(3, policy, undefined, () => 1)).to.equal(4000);
      expect(backoffDelay(10, policy, undefined, () => 1)).to.equal(8000);
      expect(backoffDelay(3, policy, undefined, () => 0.5)).to.equal(3000);
      expect(backoffDelay(3, policy, undefined, () => 0)).to.equal(2000);
    });
    it('treats Retry-After as a floor', () => {
      expect(backoffDelay(1, policy, 30_000, () => 1)).to.equal(30_000);
      expect(backoffDelay(4, policy, 100, () => 1)).to.equal(8000);
      expect(backoffDelay(1, policy, 100, () => 0)).to.equal(500);
    });
  });
});
