import { expect } from '@open-wc/testing';
import { answerValue, isAnswered, matchesCondition, showIfHolds } from '../../../sdk/survey/index.js';
import { choice, consent, nps, smiley, staff, text } from './fixtures.js';

describe('survey conditions', () => {
  describe('answerValue', () => {
    it('is the comparable value of each answer type', () => {
      expect(answerValue(smiley('mood', 4))).to.equal(4);
      expect(answerValue(nps('nps', 0))).to.equal(0);
      expect(answerValue(choice('why', 'price'))).to.equal('price');
      expect(answerValue(choice('why', ['price', 'queue']))).to.deep.equal(['price', 'queue']);
      expect(answerValue(text('why', 'Quick'))).to.equal('Quick');
      expect(answerValue(staff('who', 'emp-17'))).to.equal('emp-17');
      expect(answerValue(staff('who', null))).to.equal(null);
      expect(answerValue(consent('ok', true, 'a@b.co'))).to.equal(true);
    });
  });

  describe('isAnswered', () => {
    it('does not count missing, blank text or an empty selection', () => {
      expect(isAnswered(undefined)).to.equal(false);
      expect(isAnswered(text('why', ''))).to.equal(false);
      expect(isAnswered(text('why', ' \n\t'))).to.equal(false);
      expect(isAnswered({ questionId: 'why', type: 'choice', value: [] as unknown as string[] })).to.equal(false);
    });

    it('counts zero scores, "not sure" and declined consent as answers', () => {
      expect(isAnswered(nps('nps', 0))).to.equal(true);
      expect(isAnswered(staff('who', null))).to.equal(true);
      expect(isAnswered(consent('ok', false))).to.equal(true);
      expect(isAnswered(text('why', ' x '))).to.equal(true);
    });
  });

  describe('matchesCondition', () => {
    it('compares numbers at their bounds', () => {
      expect(matchesCondition(smiley('mood', 2), { lte: 2 })).to.equal(true);
      expect(matchesCondition(smiley('mood', 3), { lte: 2 })).to.equal(false);
      expect(matchesCondition(smiley('mood', 2), { lt: 2 })).to.equal(false);
      expect(matchesCondition(smiley('mood', 1), { lt: 2 })).to.equal(true);
      expect(matchesCondition(smiley('mood', 4), { gte: 4 })).to.equal(true);
      expect(matchesCondition(smiley('mood', 3), { gte: 4 })).to.equal(false);
      expect(matchesCondition(smiley('mood', 4), { gt: 4 })).to.equal(false);
      expect(matchesCondition(smiley('mood', 5), { gt: 4 })).to.equal(true);
      expect(matchesCondition(nps('nps', 0), { lte: 6 })).to.equal(true);
    });

    it('requires every test to hold', () => {
      expect(matchesCondition(nps('nps', 7), { gte: 7, lte: 8 })).to.equal(true);
      expect(matchesCondition(nps('nps', 9), { gte: 7, lte: 8 })).to.equal(false);
      expect(matchesCondition(nps('nps', 6), { gte: 7, lte: 8 })).to.equal(false);
      expect(matchesCondition(nps('nps', 7), { gte: 7, neq: 7 })).to.equal(false);
    });

    it('never satisfies a numeric test with a value that is not a number', () => {
      expect(matchesCondition(text('why', '1'), { lte: 2 })).to.equal(false);
      expect(matchesCondition(text('why', '9'), { gte: 2 })).to.equal(false);
      expect(matchesCondition(choice('why', ['price']), { lt: 100 })).to.equal(false);
      expect(matchesCondition(consent('ok', true), { gte: 0 })).to.equal(false);
      expect(matchesCondition(staff('who', null), { lte: 0 })).to.equal(false);
    });

    it('compares eq, neq, in and notIn strictly', () => {
      expect(matchesCondition(smiley('mood', 4), { eq: 4 })).to.equal(true);
      expect(matchesCondition(smiley('mood', 4), { eq: '4' })).to.equal(false);
      expect(matchesCondition(smiley('mood', 4), { neq: 4 })).to.equal(false);
      expect(matchesCondition(smiley('mood', 4), { neq: 5 })).to.equal(true);
      expect(matchesCondition(smiley('mood', 4), { in: [1, 4] })).to.equal(true);
      expect(matchesCondition(smiley('mood', 4), { in: [1, 2] })).to.equal(false);
      expect(matchesCondition(smiley('mood', 4), { notIn: [4, 5] })).to.equal(false);
      expect(matchesCondition(smiley('mood', 4), { notIn: [1, 2] })).to.equal(true);
      expect(matchesCondition(choice('why', 'price'), { eq: 'price' })).to.equal(true);
      expect(matchesCondition(choice('why', 'price'), { in: ['queue', 'price'] })).to.equal(true);
      expect(matchesCondition(text('why', 'Price'), { eq: 'price' })).to.equal(false);
    });

    it('matches consent flags and "not sure" staff answers', () => {
      expect(matchesCondition(consent('ok', true), { eq: true })).to.equal(true);
      expect(matchesCondition(consent('ok', false), { eq: true })).to.equal(false);
      expect(matchesCondition(consent('ok', false), { eq: false })).to.equal(true);
      expect(matchesCondition(staff('who', null), { eq: null })).to.equal(true);
      expect(matchesCondition(staff('who', 'emp-17'), { eq: null })).to.equal(false);
      expect(matchesCondition(staff('who', 'emp-17'), { in: ['emp-17', 'emp-21'] })).to.equal(true);
    });

    it('tests a multiple choice by the options selected', () => {
      const picked = choice('why', ['price', 'queue']);
      expect(matchesCondition(picked, { eq: 'queue' })).to.equal(true);
      expect(matchesCondition(picked, { eq: 'staff' })).to.equal(false);
      expect(matchesCondition(picked, { neq: 'staff' })).to.equal(true);
      expect(matchesCondition(picked, { neq: 'price' })).to.equal(false);
      expect(matchesCondition(picked, { in: ['staff', 'queue'] })).to.equal(true);
      expect(matchesCondition(picked, { in: ['staff', 'other'] })).to.equal(false);
      expect(matchesCondition(picked, { notIn: ['staff', 'other'] })).to.equal(true);
      expect(matchesCondition(picked, { notIn: ['staff', 'price'] })).to.equal(false);
    });

    it('matches an unanswered question only with answered: false', () => {
      for (const missing of [undefined, text('why', '   ')]) {
        expect(matchesCondition(missing, { answered: false })).to.equal(true);
        expect(matchesCondition(missing, { answered: true })).to.equal(false);
        expect(matchesCondition(missing, { neq: 'price' })).to.equal(false);
        expect(matchesCondition(missing, { notIn: ['price'] })).to.equal(false);
        expect(matchesCondition(missing, { lte: 5 })).to.equal(false);
        expect(matchesCondition(missing, { eq: null })).to.equal(false);
        expect(matchesCondition(missing, {})).to.equal(false);
        expect(matchesCondition(missing, { answered: false, neq: 'price' })).to.equal(false);
      }
    });

    it('matches answered: true for any non-blank answer, and answered: false never', () => {
      for (const given of [nps('nps', 0), text('why', 'ok'), staff('who', null), consent('ok', false), choice('why', ['price'])]) {
        expect(matchesCondition(given, { answered: true })).to.equal(true);
        expect(matchesCondition(given, { answered: false })).to.equal(false);
        expect(matchesCondition(given, {})).to.equal(true);
      }
    });

    it('ignores tests set to undefined', () => {
      expect(matchesCondition(smiley('mood', 5), { lte: undefined, eq: 5 })).to.equal(true);
      expect(matchesCondition(undefined, { answered: false, eq: undefined })).to.equal(true);
    });
  });

  describe('showIfHolds', () => {
    const answers = [smiley('mood', 2), choice('why', ['queue'])];

    it('holds without a showIf', () => {
      expect(showIfHolds(undefined, [])).to.equal(true);
      expect(showIfHolds({}, [])).to.equal(true);
    });

    it('requires every referenced question to match', () => {
      expect(showIfHolds({ mood: { lte: 2 } }, answers)).to.equal(true);
      expect(showIfHolds({ mood: { lte: 2 }, why: { in: ['queue'] } }, answers)).to.equal(true);
      expect(showIfHolds({ mood: { lte: 2 }, why: { in: ['price'] } }, answers)).to.equal(false);
      expect(showIfHolds({ mood: { lte: 1 }, why: { in: ['queue'] } }, answers)).to.equal(false);
    });

    it('treats a question without an answer as unanswered', () => {
      expect(showIfHolds({ nps: { answered: false } }, answers)).to.equal(true);
      expect(showIfHolds({ nps: { gte: 0 } }, answers)).to.equal(false);
    });

    it('uses the first answer when a question was answered twice', () => {
      expect(showIfHolds({ mood: { eq: 2 } }, [smiley('mood', 2), smiley('mood', 5)])).to.equal(true);
      expect(showIfHolds({ mood: { eq: 5 } }, [smiley('mood', 2), smiley('mood', 5)])).to.equal(false);
    });
  });
});
