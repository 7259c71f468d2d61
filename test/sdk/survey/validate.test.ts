import { expect } from '@open-wc/testing';
import type { Answer } from '../../../sdk/schema/answer.js';
import type { Question, QuestionOf } from '../../../sdk/schema/survey.js';
import { validateAnswer } from '../../../sdk/survey/index.js';
import { choice, consent, nps, smiley, staff, text } from './fixtures.js';

const VALID = { valid: true };
/** An answer of the right type but a value untyped code could produce. */
const raw = (type: Answer['type'], value: unknown) => ({ questionId: 'q', type, value }) as unknown as Answer;

const rating = (type: 'smiley' | 'stars' | 'csat' | 'nps', extra: object = {}) => ({ id: 'q', type, prompt: 'Rate', ...extra }) as Question;
const pick = (extra: Partial<QuestionOf<'choice'>> = {}): Question => ({
  id: 'q',
  type: 'choice',
  prompt: 'Pick',
  options: [
    { id: 'price', label: 'Price' },
    { id: 'queue', label: 'Queue' },
  ],
  ...extra,
});
const roster = [
  { id: 'emp-17', name: 'Ana' },
  { id: 'emp-21', name: 'Bo' },
];

describe('validateAnswer', () => {
  describe('required', () => {
    it('rejects a missing or blank answer to a required question', () => {
      expect(validateAnswer(rating('stars', { required: true }), undefined)).to.deep.equal({ valid: false, code: 'required' });
      const why: Question = { id: 'q', type: 'text', prompt: 'Why?', required: true };
      expect(validateAnswer(why, text('q', ''))).to.deep.equal({ valid: false, code: 'required' });
      expect(validateAnswer(why, text('q', ' \n '))).to.deep.equal({ valid: false, code: 'required' });
      const multi = pick({ multiple: true, required: true });
      expect(validateAnswer(multi, raw('choice', []))).to.deep.equal({ valid: false, code: 'required' });
    });

    it('accepts a missing or blank answer to an optional question', () => {
      expect(validateAnswer(rating('stars'), undefined)).to.deep.equal(VALID);
      expect(validateAnswer(rating('stars', { required: false }), undefined)).to.deep.equal(VALID);
      expect(validateAnswer({ id: 'q', type: 'text', prompt: 'Why?' }, text('q', '  '))).to.deep.equal(VALID);
    });

    it('accepts declining a required consent: required means answered, not agreed', () => {
      expect(validateAnswer({ id: 'q', type: 'consent', prompt: 'OK?', required: true }, consent('q', false))).to.deep.equal(VALID);
    });
  });

  describe('type_mismatch', () => {
    it('rejects an answer of another question type, naming the expected one', () => {
      expect(validateAnswer(rating('stars'), smiley('q', 3))).to.deep.equal({ valid: false, code: 'type_mismatch', expected: 'stars' });
      // Checked before emptiness: a blank text is still the wrong kind of answer for a rating.
      expect(validateAnswer(rating('nps', { required: true }), text('q', ''))).to.deep.equal({ valid: false, code: 'type_mismatch', expected: 'nps' });
      expect(validateAnswer({ id: 'q', type: 'text', prompt: 'Why?' }, nps('q', 3))).to.deep.equal({ valid: false, code: 'type_mismatch', expected: 'text' });
    });

    it('rejects a value of the wrong shape', () => {
      const mismatch = { valid: false, code: 'type_mismatch' };
      expect(validateAnswer(rating('nps'), raw('nps', '7'))).to.deep.equal(mismatch);
      expect(validateAnswer({ id: 'q', type: 'text', prompt: 'Why?' }, raw('text', 42))).to.deep.equal(mismatch);
      expect(validateAnswer(pick(), choice('q', ['price']))).to.deep.equal(mismatch);
      expect(validateAnswer(pick({ multiple: true }), raw('choice', [1]))).to.deep.equal(mismatch);
      expect(validateAnswer(pick({ multiple: true }), raw('choice', { price: true }))).to.deep.equal(mismatch);
      expect(validateAnswer({ id: 'q', type: 'staff', prompt: 'Who?' }, raw('staff', 17))).to.deep.equal(mismatch);
      expect(validateAnswer({ id: 'q', type: 'consent', prompt: 'OK?' }, raw('consent', 'yes'))).to.deep.equal(mismatch);
      expect(validateAnswer(rating('stars'), raw('stars', undefined))).to.deep.equal(mismatch);
    });
  });

  describe('out_of_range', () => {
    const cases: [Question, number[], number[], number, number][] = [
      [rating('smiley'), [1, 2, 3, 4, 5], [0, 6, 2.5], 1, 5],
      [rating('smiley', { faces: 5 }), [1, 2, 3, 4, 5], [0, 6], 1, 5],
      [rating('smiley', { faces: 3 }), [1, 3, 5], [2, 4, 0, 6], 1, 5],
      [rating('stars'), [1, 2, 3, 4, 5], [0, 6, 4.5], 1, 5],
      [rating('csat'), [1, 5], [0, 6], 1, 5],
      [rating('nps'), [0, 1, 6, 9, 10], [-1, 11, 9.5, Number.NaN, Number.POSITIVE_INFINITY], 0, 10],
    ];
    for (const [question, good, bad, min, max] of cases) {
      const label = question.type === 'smiley' ? `smiley with ${question.faces ?? 'default'} faces` : question.type;
      it(`accepts ${good.join(', ')} and rejects ${bad.join(', ')} for ${label}`, () => {
        for (const value of good) expect(validateAnswer(question, raw(question.type, value)), String(value)).to.deep.equal(VALID);
        for (const value of bad) {
          expect(validateAnswer(question, raw(question.type, value)), String(value)).to.deep.equal({ valid: false, code: 'out_of_range', min, max });
        }
      });
    }
  });

  describe('choice', () => {
    it('accepts known options, one for single select and one or more for multi-select', () => {
      expect(validateAnswer(pick(), choice('q', 'queue'))).to.deep.equal(VALID);
      expect(validateAnswer(pick({ multiple: true }), choice('q', ['price', 'queue']))).to.deep.equal(VALID);
      expect(validateAnswer(pick({ multiple: true }), choice('q', 'price'))).to.deep.equal(VALID);
    });

    it('rejects an unknown option, naming it (unknown_option)', () => {
      expect(validateAnswer(pick(), choice('q', 'parking'))).to.deep.equal({ valid: false, code: 'unknown_option', value: 'parking' });
      expect(validateAnswer(pick({ multiple: true }), choice('q', ['price', 'parking']))).to.deep.equal({
        valid: false,
        code: 'unknown_option',
        value: 'parking',
      });
    });

    it('accepts "other" only when the question offers it', () => {
      expect(validateAnswer(pick(), choice('q', 'other', 'Parking'))).to.deep.equal({ valid: false, code: 'unknown_option', value: 'other' });
      expect(validateAnswer(pick({ other: true }), choice('q', 'other', 'Parking'))).to.deep.equal(VALID);
      expect(validateAnswer(pick({ other: true, multiple: true }), choice('q', ['price', 'other'], 'Parking'))).to.deep.equal(VALID);
    });

    it('requires the text of a chosen "other" (required, field other)', () => {
      const q = pick({ other: true });
      expect(validateAnswer(q, choice('q', 'other'))).to.deep.equal({ valid: false, code: 'required', field: 'other' });
      expect(validateAnswer(q, choice('q', 'other', '   '))).to.deep.equal({ valid: false, code: 'required', field: 'other' });
      expect(validateAnswer(q, choice('q', 'price'))).to.deep.equal(VALID);
    });

    it('limits the text of "other" to 500 characters (too_long, field other)', () => {
      const q = pick({ other: true });
      expect(validateAnswer(q, choice('q', 'other', 'x'.repeat(500)))).to.deep.equal(VALID);
      expect(validateAnswer(q, choice('q', 'other', 'x'.repeat(501)))).to.deep.equal({ valid: false, code: 'too_long', max: 500, field: 'other' });
    });

    it('rejects an option chosen twice or more options than there are (too_many)', () => {
      const q = pick({ multiple: true });
      expect(validateAnswer(q, choice('q', ['price', 'price']))).to.deep.equal({ valid: false, code: 'too_many', max: 2 });
      expect(validateAnswer(q, choice('q', ['price', 'queue', 'x']))).to.deep.equal({ valid: false, code: 'too_many', max: 2 });
      const withOther = pick({ multiple: true, other: true });
      expect(validateAnswer(withOther, choice('q', ['price', 'queue', 'other'], 'Parking'))).to.deep.equal(VALID);
      expect(validateAnswer(withOther, choice('q', ['price', 'queue', 'other', 'x'], 'Parking'))).to.deep.equal({ valid: false, code: 'too_many', max: 3 });
    });
  });

  describe('text', () => {
    it('limits trimmed text to 1000 characters by default (too_long)', () => {
      const q: Question = { id: 'q', type: 'text', prompt: 'Why?' };
      expect(validateAnswer(q, text('q', 'x'.repeat(1000)))).to.deep.equal(VALID);
      expect(validateAnswer(q, text('q', `  ${'x'.repeat(1000)}\n`))).to.deep.equal(VALID);
      expect(validateAnswer(q, text('q', 'x'.repeat(1001)))).to.deep.equal({ valid: false, code: 'too_long', max: 1000 });
    });

    it('honours the question maxLength', () => {
      const q: Question = { id: 'q', type: 'text', prompt: 'Why?', maxLength: 10 };
      expect(validateAnswer(q, text('q', 'x'.repeat(10)))).to.deep.equal(VALID);
      expect(validateAnswer(q, text('q', 'x'.repeat(11)))).to.deep.equal({ valid: false, code: 'too_long', max: 10 });
    });
  });

  describe('staff', () => {
    it('accepts anyone on the roster and rejects others (unknown_staff)', () => {
      const q: Question = { id: 'q', type: 'staff', prompt: 'Who?', roster };
      expect(validateAnswer(q, staff('q', 'emp-21'))).to.deep.equal(VALID);
      expect(validateAnswer(q, staff('q', 'emp-99'))).to.deep.equal({ valid: false, code: 'unknown_staff', value: 'emp-99' });
      expect(validateAnswer({ ...q, roster: [] }, staff('q', 'emp-17'))).to.deep.equal({ valid: false, code: 'unknown_staff', value: 'emp-17' });
    });

    it('accepts any id without a roster', () => {
      expect(validateAnswer({ id: 'q', type: 'staff', prompt: 'Who?' }, staff('q', 'emp-99'))).to.deep.equal(VALID);
    });

    it('accepts "not sure" unless allowUnsure is false', () => {
      const q: QuestionOf<'staff'> = { id: 'q', type: 'staff', prompt: 'Who?', roster, required: true };
      expect(validateAnswer(q, staff('q', null))).to.deep.equal(VALID);
      expect(validateAnswer({ ...q, allowUnsure: true }, staff('q', null))).to.deep.equal(VALID);
      expect(validateAnswer({ ...q, allowUnsure: false }, staff('q', null))).to.deep.equal({ valid: false, code: 'unknown_staff', value: null });
    });
  });

  describe('consent', () => {
    const email: Question = { id: 'q', type: 'consent', prompt: 'May we e-mail you?' };
    const phone: Question = { id: 'q', type: 'consent', prompt: 'May we call you?', contactField: 'phone' };

    it('needs an e-mail address once the shopper opts in (default contactField)', () => {
      expect(validateAnswer(email, consent('q', true, 'ana@example.com'))).to.deep.equal(VALID);
      expect(validateAnswer(email, consent('q', true, ' ana@example.com '))).to.deep.equal(VALID);
      for (const contact of [undefined, '', '  ', 'ana', 'ana@example', '@example.com', 'ana @example.com', 'a@b@c']) {
        expect(validateAnswer(email, consent('q', true, contact)), String(contact)).to.deep.equal({
          valid: false,
          code: 'contact_missing',
          field: 'email',
        });
      }
    });

    it('needs a phone number of at least 7 digits for contactField phone', () => {
      expect(validateAnswer(phone, consent('q', true, '+44 20 7946 0958'))).to.deep.equal(VALID);
      expect(validateAnswer(phone, consent('q', true, '555-1234'))).to.deep.equal(VALID);
      for (const contact of [undefined, '', '555-123', 'call me']) {
        expect(validateAnswer(phone, consent('q', true, contact)), String(contact)).to.deep.equal({
          valid: false,
          code: 'contact_missing',
          field: 'phone',
        });
      }
    });

    it('needs no contact when declined or when contactField is none', () => {
      expect(validateAnswer(email, consent('q', false))).to.deep.equal(VALID);
      expect(validateAnswer(phone, consent('q', false))).to.deep.equal(VALID);
      expect(validateAnswer({ id: 'q', type: 'consent', prompt: 'OK?', contactField: 'none' }, consent('q', true))).to.deep.equal(VALID);
    });
  });
});
