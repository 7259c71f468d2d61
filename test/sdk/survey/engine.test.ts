import { expect } from '@open-wc/testing';
import type { Answer } from '../../../sdk/schema/answer.js';
import type { SurveyDefinition } from '../../../sdk/schema/survey.js';
import {
  isComplete,
  nextQuestion,
  parseSurvey,
  previousQuestion,
  progress,
  pruneAnswers,
  visibleQuestions,
} from '../../../sdk/survey/index.js';
import { choice, consent, ids, smiley, staff, survey, text } from './fixtures.js';

/** Walk the survey forward as the widget does, collecting the ids shown. */
function walk(answers: readonly Answer[]): string[] {
  const shown: string[] = [];
  for (let q = nextQuestion(survey, answers); q; q = nextQuestion(survey, answers, q.id)) shown.push(q.id);
  return shown;
}

describe('survey engine', () => {
  describe('visibleQuestions', () => {
    it('shows unconditional questions and those whose condition holds before any answer', () => {
      // `issues` is unanswered (it is hidden), so `anything` shows.
      expect(ids(visibleQuestions(survey, []))).to.deep.equal(['mood', 'anything', 'contact']);
    });

    it('opens the low-score branch', () => {
      expect(ids(visibleQuestions(survey, [smiley('mood', 2)]))).to.deep.equal(['mood', 'issues', 'anything', 'contact']);
    });

    it('opens the high-score branch and not the low one', () => {
      expect(ids(visibleQuestions(survey, [smiley('mood', 5)]))).to.deep.equal(['mood', 'praise', 'anything', 'contact']);
    });

    it('shows neither branch for a middle score', () => {
      expect(ids(visibleQuestions(survey, [smiley('mood', 3)]))).to.deep.equal(['mood', 'anything', 'contact']);
    });

    it('follows a chain of conditions with multi-choice `in` and `eq`', () => {
      const answers = [smiley('mood', 1), choice('issues', ['price', 'staff'])];
      expect(ids(visibleQuestions(survey, answers))).to.deep.equal(['mood', 'issues', 'who', 'contact']);
      const both = [smiley('mood', 1), choice('issues', ['staff', 'queue'])];
      expect(ids(visibleQuestions(survey, both))).to.deep.equal(['mood', 'issues', 'who', 'wait', 'contact']);
      const price = [smiley('mood', 1), choice('issues', ['price'])];
      expect(ids(visibleQuestions(survey, price))).to.deep.equal(['mood', 'issues', 'contact']);
    });

    it('hides the whole chain when its root closes, ignoring answers to hidden questions', () => {
      // The answer to `issues` would open `who` and `wait`, but `issues` itself is hidden after a 5.
      const answers = [smiley('mood', 5), choice('issues', ['staff', 'queue'])];
      expect(ids(visibleQuestions(survey, answers))).to.deep.equal(['mood', 'praise', 'anything', 'contact']);
    });

    it('counts blank text as unanswered for answered: false', () => {
      const s = parseSurvey({
        id: 's',
        questions: [
          { id: 'note', type: 'text', prompt: 'Note?' },
          { id: 'nudge', type: 'text', prompt: 'Sure?', showIf: { note: { answered: false } } },
        ],
      });
      expect(ids(visibleQuestions(s, [text('note', '  ')]))).to.deep.equal(['note', 'nudge']);
      expect(ids(visibleQuestions(s, [text('note', 'hi')]))).to.deep.equal(['note']);
    });
  });

  describe('nextQuestion and previousQuestion', () => {
    it('walks each branch in order', () => {
      expect(walk([])).to.deep.equal(['mood', 'anything', 'contact']);
      expect(walk([smiley('mood', 5)])).to.deep.equal(['mood', 'praise', 'anything', 'contact']);
      expect(walk([smiley('mood', 1), choice('issues', ['queue'])])).to.deep.equal(['mood', 'issues', 'wait', 'contact']);
    });

    it('starts at the first visible question', () => {
      // The schema only lets showIf look back, so build the definition by hand: a first question
      // conditioned on something the survey lacks is hidden (unanswered), not an error.
      const s: SurveyDefinition = {
        id: 's',
        questions: [
          { id: 'a', type: 'stars', prompt: 'A', showIf: { elsewhere: { answered: true } } },
          { id: 'b', type: 'stars', prompt: 'B' },
        ],
      };
      expect(nextQuestion(s, [])?.id).to.equal('b');
      expect(nextQuestion(s, [{ questionId: 'elsewhere', type: 'stars', value: 3 }])?.id).to.equal('b');
    });

    it('returns undefined after the last question and for an unknown id', () => {
      expect(nextQuestion(survey, [], 'contact')).to.equal(undefined);
      expect(nextQuestion(survey, [], 'nope')).to.equal(undefined);
    });

    it('uses the answer to the current question to pick the next one', () => {
      expect(nextQuestion(survey, [], 'mood')?.id).to.equal('anything');
      expect(nextQuestion(survey, [smiley('mood', 2)], 'mood')?.id).to.equal('issues');
      expect(nextQuestion(survey, [smiley('mood', 4)], 'mood')?.id).to.equal('praise');
    });

    it('moves on from a current question that has just become hidden', () => {
      // `who` is current, but the answers no longer show it: continue after its place.
      expect(nextQuestion(survey, [smiley('mood', 1), choice('issues', ['queue'])], 'who')?.id).to.equal('wait');
    });

    it('goes back over hidden questions', () => {
      const answers = [smiley('mood', 1), choice('issues', ['queue'])];
      expect(previousQuestion(survey, answers, 'contact')?.id).to.equal('wait');
      expect(previousQuestion(survey, answers, 'wait')?.id).to.equal('issues');
      expect(previousQuestion(survey, answers, 'issues')?.id).to.equal('mood');
      expect(previousQuestion(survey, [smiley('mood', 5)], 'contact')?.id).to.equal('anything');
      expect(previousQuestion(survey, [smiley('mood', 5)], 'anything')?.id).to.equal('praise');
    });

    it('returns undefined before the first question and for an unknown id', () => {
      expect(previousQuestion(survey, [], 'mood')).to.equal(undefined);
      expect(previousQuestion(survey, [], 'nope')).to.equal(undefined);
    });
  });

  describe('pruneAnswers', () => {
    it('keeps every answer to a visible question, in the given order', () => {
      const answers = [smiley('mood', 1), choice('issues', ['staff']), staff('who', 'emp-17'), consent('contact', false)];
      expect(pruneAnswers(survey, answers)).to.deep.equal(answers);
    });

    it('drops a stale branch after going back and changing an earlier answer', () => {
      const before = [smiley('mood', 1), choice('issues', ['staff', 'queue']), staff('who', 'emp-17'), text('wait', '20 min')];
      expect(ids(visibleQuestions(survey, before))).to.include.members(['who', 'wait']);
      // Back to `mood`, now a 5: `issues`, `who` and `wait` must not be submitted.
      const changed = [smiley('mood', 5), ...before.slice(1), text('praise', 'Friendly')];
      expect(pruneAnswers(survey, changed)).to.deep.equal([smiley('mood', 5), text('praise', 'Friendly')]);
    });

    it('drops only the part of a branch that closed', () => {
      const answers = [smiley('mood', 1), choice('issues', ['queue']), staff('who', 'emp-17'), text('wait', '20 min')];
      expect(pruneAnswers(survey, answers)).to.deep.equal([smiley('mood', 1), choice('issues', ['queue']), text('wait', '20 min')]);
    });

    it('drops answers to questions the survey does not have', () => {
      expect(pruneAnswers(survey, [smiley('mood', 3), text('removed', 'x')])).to.deep.equal([smiley('mood', 3)]);
    });

    it('drops blank answers and repeated answers to one question', () => {
      const answers = [smiley('mood', 3), text('anything', ' '), smiley('mood', 5)];
      expect(pruneAnswers(survey, answers)).to.deep.equal([smiley('mood', 3)]);
    });

    it('strips the contact of a declined consent and "Other" text without "Other"', () => {
      const s = parseSurvey({
        id: 's',
        questions: [
          { id: 'pick', type: 'choice', prompt: 'Pick', other: true, multiple: true, options: [{ id: 'a', label: 'A' }] },
          { id: 'ok', type: 'consent', prompt: 'Contact?' },
        ],
      });
      expect(pruneAnswers(s, [choice('pick', ['a'], 'typed then unticked'), consent('ok', false, 'a@b.co')])).to.deep.equal([
        choice('pick', ['a']),
        consent('ok', false),
      ]);
      const kept = [choice('pick', ['a', 'other'], 'Parking'), consent('ok', true, 'a@b.co')];
      expect(pruneAnswers(s, kept)).to.deep.equal(kept);
    });

    it('does not modify its input', () => {
      const answers = Object.freeze([smiley('mood', 5), text('wait', 'x')]);
      pruneAnswers(survey, answers);
      expect(answers).to.have.length(2);
    });
  });

  describe('isComplete', () => {
    it('needs every visible required question', () => {
      expect(isComplete(survey, [])).to.equal(false);
      expect(isComplete(survey, [smiley('mood', 4)])).to.equal(false);
      expect(isComplete(survey, [smiley('mood', 4), consent('contact', false)])).to.equal(true);
    });

    it('needs required questions opened by a branch', () => {
      const base = [smiley('mood', 1), choice('issues', ['staff']), consent('contact', false)];
      expect(isComplete(survey, base)).to.equal(false);
      expect(isComplete(survey, [...base, staff('who', null)])).to.equal(true);
    });

    it('ignores hidden questions, answered or not', () => {
      // `who` is required but hidden after a 5; its invalid stale answer does not matter.
      expect(isComplete(survey, [smiley('mood', 5), consent('contact', false), staff('who', 42 as unknown as string)])).to.equal(true);
    });

    it('rejects an invalid answer to a visible question, required or not', () => {
      expect(isComplete(survey, [smiley('mood', 7), consent('contact', false)])).to.equal(false);
      expect(isComplete(survey, [smiley('mood', 4), consent('contact', true)])).to.equal(false);
      expect(isComplete(survey, [smiley('mood', 4), consent('contact', false), text('praise', 'x'.repeat(1001))])).to.equal(false);
    });
  });

  describe('progress', () => {
    it('counts the position among visible questions from 0', () => {
      const answers = [smiley('mood', 1), choice('issues', ['staff'])];
      expect(progress(survey, answers, 'mood')).to.deep.equal({ index: 0, total: 4 });
      expect(progress(survey, answers, 'who')).to.deep.equal({ index: 2, total: 4 });
      expect(progress(survey, answers, 'contact')).to.deep.equal({ index: 3, total: 4 });
    });

    it('follows branches as they open and close', () => {
      expect(progress(survey, [], 'contact')).to.deep.equal({ index: 2, total: 3 });
      expect(progress(survey, [smiley('mood', 5)], 'contact')).to.deep.equal({ index: 3, total: 4 });
    });

    it('places a hidden question after the visible ones before it, and an unknown one at the end', () => {
      expect(progress(survey, [smiley('mood', 5)], 'who')).to.deep.equal({ index: 1, total: 4 });
      expect(progress(survey, [], 'nope')).to.deep.equal({ index: 3, total: 3 });
    });
  });
});
