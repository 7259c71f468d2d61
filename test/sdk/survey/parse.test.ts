import { expect } from '@open-wc/testing';
import { ValidationError } from '../../../sdk/errors.js';
import { parseSurvey } from '../../../sdk/survey/index.js';

const definition = {
  id: 'post-visit',
  version: 2,
  title: { en: 'Quick feedback' },
  questions: [
    { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit today?' }, required: true },
    { id: 'why', type: 'text', prompt: 'Tell us why', showIf: { mood: { lte: 2 } } },
  ],
  thankYou: 'Thank you!',
};

/** The ValidationError that `parseSurvey(input)` throws. */
function failure(input: unknown): ValidationError {
  try {
    parseSurvey(input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('parseSurvey did not throw');
}

describe('parseSurvey', () => {
  it('accepts a definition object and returns it', () => {
    expect(parseSurvey(definition)).to.deep.equal(definition);
  });

  it('accepts JSON text', () => {
    expect(parseSurvey(JSON.stringify(definition))).to.deep.equal(definition);
  });

  it('reports text that is not JSON as a ValidationError', () => {
    const error = failure('{"id": "post-visit",');
    expect(error.message).to.match(/^Invalid survey definition: not valid JSON \(.+\)$/);
    expect(error.issues).to.have.length(1);
    expect(error.issues[0]!.path).to.equal('');
    expect(failure('post-visit').message).to.match(/^Invalid survey definition: not valid JSON/);
  });

  it('names a missing field', () => {
    const { questions, ...noQuestions } = definition;
    expect(questions).to.have.length(2);
    expect(failure(noQuestions).issues).to.deep.equal([{ path: 'questions', message: 'is required' }]);
    const noPrompt = { ...definition, questions: [{ id: 'mood', type: 'smiley' }] };
    expect(failure(noPrompt).issues.map((i) => i.path)).to.deep.equal(['questions[0].prompt']);
  });

  it('names an unknown question type', () => {
    const bad = { ...definition, questions: [definition.questions[0], { id: 'x', type: 'slider', prompt: 'X' }] };
    expect(failure(bad).message).to.equal('Invalid survey definition: questions[1].type: "slider" is not a known type');
  });

  it('names a bad field inside a question and an unknown field', () => {
    const bad = { ...definition, questions: [{ id: 'mood', type: 'smiley', prompt: 'Hi', faces: 4, colour: 'red' }] };
    const paths = failure(bad).issues.map((i) => i.path);
    expect(paths).to.include('questions[0].faces');
    expect(failure(bad).message).to.include('unknown field "colour"');
  });

  it('names a bad condition in showIf', () => {
    const bad = { ...definition, questions: [definition.questions[0], { ...definition.questions[1], showIf: { mood: { lte: 'two' } } }] };
    expect(failure(bad).issues).to.deep.equal([{ path: 'questions[1].showIf.mood.lte', message: 'must be a number' }]);
  });

  it('rejects a showIf that looks forward and duplicate question ids', () => {
    const forward = { ...definition, questions: [...definition.questions].reverse() };
    expect(failure(forward).issues).to.deep.equal([{ path: 'questions', message: 'showIf may only refer to questions that come earlier' }]);
    const twice = { ...definition, questions: [definition.questions[0], definition.questions[0]] };
    expect(failure(twice).issues).to.deep.equal([{ path: 'questions', message: 'question ids must be unique' }]);
  });

  it('rejects what is not an object', () => {
    expect(failure(null).issues.map((i) => i.path)).to.deep.equal(['']);
    expect(failure('42').message).to.match(/^Invalid survey definition: must be an? object$/);
  });
});
