import type { Answer } from '../schema/answer.js';
import type { Question, QuestionOf } from '../schema/survey.js';
import { isAnswered } from './conditions.js';

/**
 * Why an answer cannot be accepted. Codes, not messages: the widget words them in the shopper's language.
 * - `required`: a required question (or the text of a chosen "Other") has no answer.
 * - `type_mismatch`: the answer is of another question type, or its value has the wrong shape.
 * - `out_of_range`: a score outside the scale (see `min`, `max`).
 * - `unknown_option`: a choice that is not one of the options (see `value`).
 * - `too_long`: text longer than allowed (see `max`).
 * - `too_many`: an option chosen twice, or more options than there are (see `max`).
 * - `contact_missing`: consent given but no usable e-mail address or phone number (see `field`).
 * - `unknown_staff`: a staff id not on the roster, or "not sure" where it is not offered (see `value`).
 * @example const messages: Record<AnswerProblem, string> = { required: 'Please answer', ... }
 */
export type AnswerProblem =
  | 'required'
  | 'type_mismatch'
  | 'out_of_range'
  | 'unknown_option'
  | 'too_long'
  | 'too_many'
  | 'contact_missing'
  | 'unknown_staff';

/**
 * The outcome of {@link validateAnswer}; a problem carries what a message needs to be specific.
 * @example { valid: false, code: 'too_long', max: 1000 }
 */
export type AnswerCheck =
  | { readonly valid: true }
  | {
      readonly valid: false;
      readonly code: AnswerProblem;
      /** The smallest allowed score. */
      readonly min?: number;
      /** The largest allowed score, text length or number of options. */
      readonly max?: number;
      /** The offending option or staff id. */
      readonly value?: string | null;
      /** Which part of the answer: `other` text of a choice, or the consent `contact` kind. */
      readonly field?: 'other' | 'email' | 'phone';
      /** The question type the answer should have had. */
      readonly expected?: Question['type'];
    };

type Problem = Exclude<AnswerCheck, { valid: true }>;

const VALID: AnswerCheck = { valid: true };
const problem = (code: AnswerProblem, details?: Omit<Problem, 'valid' | 'code'>): AnswerCheck => ({ valid: false, code, ...details });

/** The default `maxLength` of a text question. */
const TEXT_MAX = 1000;
/** The schema's limit on the free text of an "Other" option. */
const OTHER_MAX = 500;
/** The option id that stands for "Other" when a choice question offers it. */
const OTHER = 'other';
// Deliberately loose: the real test of an address is whether the shop's reply arrives.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_MIN_DIGITS = 7;

/**
 * Check one answer against its question. A missing or blank answer is fine on an optional question.
 * The answer is checked at run time, so a value built by untyped code is reported, not trusted.
 * To check a staff answer against a roster the kiosk supplies, pass `{ ...question, roster }`.
 * @example validateAnswer({ id: 'mood', type: 'smiley', prompt: 'How was it?', faces: 3 }, { questionId: 'mood', type: 'smiley', value: 2 })
 * // { valid: false, code: 'out_of_range', min: 1, max: 5 } (three faces score 1, 3 and 5)
 * @example validateAnswer({ id: 'why', type: 'text', prompt: 'Why?', required: true }, undefined)
 * // { valid: false, code: 'required' }
 */
export function validateAnswer(question: Question, answer: Answer | undefined): AnswerCheck {
  if (answer !== undefined && answer.type !== question.type) return problem('type_mismatch', { expected: question.type });
  if (!isAnswered(answer)) return question.required ? problem('required') : VALID;
  const value: unknown = answer.value;
  switch (question.type) {
    case 'smiley':
      // Three faces score 1, 3 and 5 so that they average and compare with five-face smileys.
      return score(value, 1, 5, question.faces === 3 ? 2 : 1);
    case 'stars':
    case 'csat':
      return score(value, 1, 5);
    case 'nps':
      return score(value, 0, 10);
    case 'choice':
      return choice(question, value, (answer as { other?: unknown }).other);
    case 'text': {
      if (typeof value !== 'string') return problem('type_mismatch');
      const max = question.maxLength ?? TEXT_MAX;
      return value.trim().length > max ? problem('too_long', { max }) : VALID;
    }
    case 'staff':
      return staff(question, value);
    case 'consent':
      return consent(question, value, (answer as { contact?: unknown }).contact);
  }
}

function score(value: unknown, min: number, max: number, step = 1): AnswerCheck {
  if (typeof value !== 'number') return problem('type_mismatch');
  return Number.isInteger(value) && value >= min && value <= max && (value - min) % step === 0 ? VALID : problem('out_of_range', { min, max });
}

function choice(question: QuestionOf<'choice'>, value: unknown, other: unknown): AnswerCheck {
  // One id, or a list of them for a multi-select (which may carry a single id: one selection is still a selection).
  if (typeof value !== 'string' && !(question.multiple && Array.isArray(value))) return problem('type_mismatch');
  const selected: readonly unknown[] = Array.isArray(value) ? value : [value];
  const max = question.options.length + (question.other ? 1 : 0);
  if (selected.length > max || new Set(selected).size !== selected.length) return problem('too_many', { max });
  let otherChosen = false;
  for (const id of selected) {
    if (typeof id !== 'string') return problem('type_mismatch');
    if (question.options.some((option) => option.id === id)) continue;
    if (id !== OTHER || !question.other) return problem('unknown_option', { value: id });
    otherChosen = true;
  }
  if (!otherChosen) return VALID;
  const text = typeof other === 'string' ? other.trim() : '';
  if (!text) return problem('required', { field: 'other' });
  return text.length > OTHER_MAX ? problem('too_long', { max: OTHER_MAX, field: 'other' }) : VALID;
}

function staff(question: QuestionOf<'staff'>, value: unknown): AnswerCheck {
  if (value === null) return question.allowUnsure === false ? problem('unknown_staff', { value: null }) : VALID;
  if (typeof value !== 'string') return problem('type_mismatch');
  // Without a roster the kiosk or host decides who can be picked; we cannot know the ids.
  const known = question.roster === undefined || question.roster.some((member) => member.id === value);
  return known ? VALID : problem('unknown_staff', { value });
}

function consent(question: QuestionOf<'consent'>, value: unknown, contact: unknown): AnswerCheck {
  if (typeof value !== 'boolean') return problem('type_mismatch');
  const field = question.contactField ?? 'email';
  // Declining is an answer too; only an opt-in needs a way to reach the shopper.
  if (!value || field === 'none') return VALID;
  const given = typeof contact === 'string' ? contact.trim() : '';
  const usable = field === 'email' ? EMAIL.test(given) : given.replace(/\D/g, '').length >= PHONE_MIN_DIGITS;
  return usable ? VALID : problem('contact_missing', { field });
}
