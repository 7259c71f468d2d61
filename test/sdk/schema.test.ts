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

const withAnswer = (answer: unknown) => ({ ...valid, answers: [answer] });
const withContext = (context: Record<string, unknown>) => ({ ...valid, context: { ...valid.context, ...context } });

describe('schemas', () => {
  describe('wire submission (v1)', () => {
    it('accepts the DESIGN.md example', () => {
      expect(problem(SubmissionSchema, valid)).to.equal('');
      expect(problem(SubmissionSchema, { ...valid, createdAt: '2026-11-23T11:15:00+01:00' })).to.equal('');
    });

    const cases: [string, unknown, string][] = [
      ['not an object', 'hello', 'must be an object'],
      ['a bad id', { ...valid, id: '42' }, 'id: must be a UUID'],
      ['another schema version', { ...valid, schemaVersion: 2 }, 'schemaVersion: must be 1'],
      ['no survey id', { ...valid, surveyId: undefined }, 'surveyId: is required'],
      ['a survey id with spaces', { ...valid, surveyId: 'post visit' }, 'surveyId: must be letters, digits'],
      ['a date without time', { ...valid, createdAt: '2026-11-23' }, 'createdAt: must be an ISO 8601 date-time'],
      ['an unknown field', { ...valid, storeId: '042' }, 'unknown field "storeId"'],
      ['no channel', { ...valid, context: { store: '042' } }, 'context.channel: is required'],
      ['an unknown channel', withContext({ channel: 'fax' }), 'context.channel: must be "web" or "kiosk" or "app" or "qr" or "employee"'],
      ['staff as a string', withContext({ staff: 'emp-17' }), 'context.staff: must be an array'],
      ['21 staff members', withContext({ staff: Array.from({ length: 21 }, (_, i) => `e${i}`) }), 'context.staff: must have at most 20 items'],
      ['a bad locale', withContext({ locale: 'english' }), 'context.locale: must be a language tag'],
      ['a page URL over 2048 characters', withContext({ page: { url: `https://x.example/${'a'.repeat(2048)}` } }), 'context.page.url: must have at most 2048 characters'],
      ['an object tag', withContext({ tags: { lane: { n: 4 } } }), 'context.tags.lane: does not match any allowed shape'],
      ['33 tags', withContext({ tags: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`t${i}`, i])) }), 'context.tags: must have at most 32 tags'],
      ['an infinite tag', withContext({ tags: { lane: Infinity } }), 'context.tags.lane'],
      ['an unknown context field', withContext({ shelf: 'a3' }), 'context: unknown field "shelf"'],
      ['no answers', { ...valid, answers: [] }, 'answers: must not be empty'],
      ['51 answers', { ...valid, answers: Array.from({ length: 51 }, (_, i) => ({ questionId: `q${i}`, type: 'stars', value: 3 })) }, 'answers: must have at most 50 items'],
      ['the same question twice', { ...valid, answers: [valid.answers[0], valid.answers[0]] }, 'answers: must not answer the same question twice'],
      ['an unknown answer type', withAnswer({ questionId: 'q', type: 'emoji', value: 1 }), 'answers[0].type: "emoji" is not a known type'],
      ['a smiley of 0', withAnswer({ questionId: 'q', type: 'smiley', value: 0 }), 'answers[0].value: must be at least 1'],
      ['a smiley of 6', withAnswer({ questionId: 'q', type: 'smiley', value: 6 }), 'answers[0].value: must be at most 5'],
      ['a smiley of 2.5', withAnswer({ questionId: 'q', type: 'smiley', value: 2.5 }), 'answers[0].value: must be an integer'],
      ['stars as text', withAnswer({ questionId: 'q', type: 'stars', value: '5' }), 'answers[0].value: must be a number'],
      ['an NPS of 11', withAnswer({ questionId: 'q', type: 'nps', value: 11 }), 'answers[0].value: must be at most 10'],
      ['an NPS of -1', withAnswer({ questionId: 'q', type: 'nps', value: -1 }), 'answers[0].value: must be at least 0'],
      ['a CSAT of 6', withAnswer({ questionId: 'q', type: 'csat', value: 6 }), 'answers[0].value: must be at most 5'],
      ['an empty multi-choice', withAnswer({ questionId: 'q', type: 'choice', value: [] }), 'answers[0].value'],
      ['a long "other"', withAnswer({ questionId: 'q', type: 'choice', value: 'other', other: 'x'.repeat(501) }), 'answers[0].other: must have at most 500 characters'],
      ['text over 5000 characters', withAnswer({ questionId: 'q', type: 'text', value: 'x'.repeat(5001) }), 'answers[0].value: must have at most 5000 characters'],
      ['a numeric staff id', withAnswer({ questionId: 'q', type: 'staff', value: 17 }), 'answers[0].value: must be a string'],
      ['consent as "yes"', withAnswer({ questionId: 'q', type: 'consent', value: 'yes' }), 'answers[0].value: must be a boolean'],
      ['an answer without question', withAnswer({ type: 'stars', value: 3 }), 'answers[0].questionId: is required'],
      ['an extra answer field', withAnswer({ questionId: 'q', type: 'stars', value: 3, label: 'Good' }), 'answers[0]: unknown field "label"'],
      ['consent without contact flag', { ...valid, consent: {} }, 'consent.contact: is required'],
      ['an empty context token', { ...valid, contextToken: '' }, 'contextToken: must not be empty'],
    ];
    for (const [label, value, message] of cases) {
      it(`rejects ${label}`, () => {
        expect(problem(SubmissionSchema, value)).to.contain(message);
      });
    }

    it('accepts every answer type at its bounds', () => {
      const answers = [
        { questionId: 'a', type: 'smiley', value: 1 },
        { questionId: 'b', type: 'stars', value: 5 },
        { questionId: 'c', type: 'nps', value: 0 },
        { questionId: 'd', type: 'csat', value: 5 },
        { questionId: 'e', type: 'choice', value: ['x', 'y'] },
        { questionId: 'f', type: 'choice', value: 'other', other: 'Parking' },
        { questionId: 'g', type: 'text', value: '' },
        { questionId: 'h', type: 'staff', value: null },
        { questionId: 'i', type: 'consent', value: true, contact: 'ana@example.com' },
      ];
      expect(problem(SubmissionSchema, { ...valid, answers })).to.equal('');
    });
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
    const survey = {
      id: 'post-visit',
      questions: [
        { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit today?', es: '¿Qué tal su visita?' }, required: true },
        { id: 'why', type: 'text', prompt: 'Tell us why', showIf: { mood: { lte: 2 } } },
      ],
      thankYou: 'Thank you!',
    };
    it('accepts the DESIGN.md example', () => {
      expect(problem(SurveyDefinitionSchema, survey)).to.equal('');
    });
    const cases: [string, unknown, string][] = [
      ['no questions', { ...survey, questions: [] }, 'questions: must not be empty'],
      ['duplicate question ids', { ...survey, questions: [survey.questions[0], survey.questions[0]] }, 'questions: question ids must be unique'],
      ['a showIf that looks ahead', { ...survey, questions: [survey.questions[1], survey.questions[0]] }, 'questions: showIf may only refer to questions that come earlier'],
      ['a 4-face smiley', { ...survey, questions: [{ id: 'm', type: 'smiley', prompt: 'x', faces: 4 }] }, 'questions[0].faces'],
      ['a missing prompt', { ...survey, questions: [{ id: 'm', type: 'stars' }] }, 'questions[0].prompt: is required'],
      ['a choice without options', { ...survey, questions: [{ id: 'c', type: 'choice', prompt: 'x', options: [] }] }, 'questions[0].options: must not be empty'],
      ['duplicate option ids', { ...survey, questions: [{ id: 'c', type: 'choice', prompt: 'x', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }] }, 'questions[0].options: option ids must be unique'],
      ['a text limit of 0', { ...survey, questions: [{ id: 't', type: 'text', prompt: 'x', maxLength: 0 }] }, 'questions[0].maxLength: must be at least 1'],
      ['an unknown condition', { ...survey, questions: [survey.questions[0], { ...survey.questions[1], showIf: { mood: { below: 2 } } }] }, 'questions[1].showIf.mood: unknown field "below"'],
      ['a bad locale key', { ...survey, title: { english: 'Hi' } }, 'title'],
      ['a misspelt field', { ...survey, thankyou: 'x' }, 'unknown field "thankyou"'],
      ['an unknown display', { ...survey, display: 'carousel' }, 'display: must be "steps" or "page"'],
      ['a staff roster without names', { ...survey, questions: [{ id: 's', type: 'staff', prompt: 'x', roster: [{ id: 'e1' }] }] }, 'questions[0].roster[0].name: is required'],
    ];
    for (const [label, value, message] of cases) {
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
