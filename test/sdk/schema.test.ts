import { expect } from '@open-wc/testing';
import {
  ClientOptionsSchema,
  ContextInputSchema,
  SubmissionBatchSchema,
  SubmissionSchema,
  SubmitInputSchema,
  SurveyDefinitionSchema,
  ValidationError,
  parseOrThrow,
} from '../../sdk/index.js';
import { designExample } from '../support/design-example.js';
import { invalidSubmissions, invalidSurveys, validSubmissions, validSurveys } from './fixtures/wire.js';

const valid = designExample;

/** Parses and returns the error message, or '' when the value is valid. */
function problem(schema: Parameters<typeof parseOrThrow>[0], value: unknown): string {
  try {
    parseOrThrow(schema, value, 'input');
    return '';
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return (error as Error).message;
  }
}

describe('schemas', () => {
  describe('wire submission (v1)', () => {
    it('accepts the DESIGN.md example and the other valid fixtures', () => {
      for (const value of validSubmissions) expect(problem(SubmissionSchema, value)).to.equal('');
    });

    for (const { label, value, message } of invalidSubmissions) {
      it(`rejects ${label}`, () => {
        expect(problem(SubmissionSchema, value)).to.contain(message);
      });
    }
  });

  describe('batch', () => {
    it('accepts 1 to 100 submissions and names the bad one', () => {
      expect(problem(SubmissionBatchSchema, { submissions: [valid] })).to.equal('');
      expect(problem(SubmissionBatchSchema, { submissions: [] })).to.contain('submissions: must not be empty');
      expect(problem(SubmissionBatchSchema, { submissions: Array(101).fill(valid) })).to.contain('submissions: must have at most 100 items');
      expect(problem(SubmissionBatchSchema, { submissions: [valid, { ...valid, id: 'x' }] })).to.contain('submissions[1].id: must be a UUID');
    });
  });

  describe('submit input and context', () => {
    it('needs only a survey id and answers', () => {
      expect(problem(SubmitInputSchema, { surveyId: 's', answers: [{ questionId: 'q', type: 'nps', value: 9 }] })).to.equal('');
      expect(problem(SubmitInputSchema, { surveyId: 's', answers: [{ questionId: 'q', type: 'nps', value: 9 }], id: 'mine' })).to.contain('unknown field "id"');
    });
    it('accepts an empty context and rejects typos', () => {
      expect(problem(ContextInputSchema, {})).to.equal('');
      expect(problem(ContextInputSchema, { stores: '042' })).to.contain('unknown field "stores"');
      expect(problem(ContextInputSchema, { store: '' })).to.contain('store: must not be empty');
      expect(problem(ContextInputSchema, { store: 42 })).to.contain('store: must be a string');
      expect(problem(ContextInputSchema, { store: 'x'.repeat(65) })).to.contain('store: must have at most 64 characters');
    });
  });

  describe('survey definition', () => {
    it('accepts the DESIGN.md example and the other valid fixtures', () => {
      for (const value of validSurveys) expect(problem(SurveyDefinitionSchema, value)).to.equal('');
    });
    for (const { label, value, message } of invalidSurveys) {
      it(`rejects ${label}`, () => {
        expect(problem(SurveyDefinitionSchema, value)).to.contain(message);
      });
    }
  });

  describe('client options', () => {
    const send = async () => ({ status: 'sent' as const });
    it('needs a destination and checks each option', () => {
      expect(problem(ClientOptionsSchema, { destinations: { main: send } })).to.equal('');
      expect(problem(ClientOptionsSchema, { destinations: { main: { send, batchSize: 10 } } })).to.equal('');
      expect(problem(ClientOptionsSchema, { destinations: {} })).to.contain('needs an `endpoint` or at least one destination');
      expect(problem(ClientOptionsSchema, { endpoint: 'ftp://x.example/v1' })).to.contain('endpoint: must be an http(s) URL');
      expect(problem(ClientOptionsSchema, { endpoint: 'https://x.example/v1', routes: [{ to: [] }] })).to.contain('routes[0].to: must not be empty');
      expect(problem(ClientOptionsSchema, { endpoint: 'https://x.example/v1', routes: [{ when: { scoreBelow: 2 }, to: ['main'] }] })).to.contain('routes[0].when');
      expect(problem(ClientOptionsSchema, { endpoint: 'https://x.example/v1', beforeSend: 'scrub' })).to.contain('beforeSend: must be a function');
      expect(problem(ClientOptionsSchema, { endpoint: 'https://x.example/v1', outbox: { maxBytes: 1000 } })).to.contain('outbox.maxBytes: must be at least 65536');
      expect(problem(ClientOptionsSchema, { endpoint: 'https://x.example/v1', pageUrl: 'query' })).to.contain('pageUrl: must be "strip" or "full" or "none"');
      expect(problem(ClientOptionsSchema, { endpoint: 'https://x.example/v1', submitTimeoutMs: -1 })).to.contain('submitTimeoutMs: must be at least 0');
    });
  });
});
