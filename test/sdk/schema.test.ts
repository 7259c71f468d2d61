import { expect } from '@open-wc/testing';
import { SubmitInputSchema, parseOrThrow, ValidationError } from '../../sdk/index.js';

describe('schemas', () => {
  it('names the field of an out-of-range answer', () => {
    const input = { surveyId: 'post-visit', answers: [{ questionId: 'mood', type: 'smiley', value: 9 }] };
    expect(() => parseOrThrow(SubmitInputSchema, input, 'submission')).to.throw(ValidationError, 'answers[0].value: must be at most 5');
  });
});
