import { localize } from '../../../../sdk/survey/localize.js';
import type { AnswersResponse, CommentAnswer } from '../../../server/stats/types.js';
import type { Messages } from '../i18n/messages.js';
import type { Formatter } from './formatter.js';

type Question = AnswersResponse['surveys'][number]['questions'][number];

/**
 * The texts of the surveys in an answers response (`/v1/stats/answers`), in the reader's
 * language with each survey's fallback to English (the SDK's `localize`, as the widget does):
 * question prompts, option labels, survey titles. Ids stand in for texts a survey no longer has.
 * Pure, for Node tests.
 */
export class SurveyLabels {
  readonly #surveys: ReadonlyMap<string, { title: AnswersResponse['surveys'][number]['title']; questions: ReadonlyMap<string, Question> }>;

  constructor(
    answers: AnswersResponse | undefined,
    readonly locale: string,
  ) {
    this.#surveys = new Map((answers?.surveys ?? []).map((s) => [s.id, { title: s.title, questions: new Map(s.questions.map((q) => [q.id, q])) }]));
  }

  title(surveyId: string): string {
    const title = this.#surveys.get(surveyId)?.title;
    return (title ? localize(title, this.locale) : '') || surveyId;
  }

  question(surveyId: string, questionId: string): Question | undefined {
    return this.#surveys.get(surveyId)?.questions.get(questionId);
  }

  /** A question's prompt; the first survey that has the question when no survey is given. */
  prompt(surveyId: string | undefined, questionId: string): string {
    const question = surveyId !== undefined ? this.question(surveyId, questionId) : [...this.#surveys.keys()].map((id) => this.question(id, questionId)).find(Boolean);
    return (question?.prompt ? localize(question.prompt, this.locale) : '') || questionId;
  }

  /** How one value of a question reads: an option's label, "Yes"/"No", "Other", or the rating itself. */
  value(surveyId: string | undefined, questionId: string, value: string, m: Messages, f: Formatter): string {
    const question = surveyId !== undefined ? this.question(surveyId, questionId) : [...this.#surveys.keys()].map((id) => this.question(id, questionId)).find(Boolean);
    const option = question?.counts?.find((c) => c.value === value)?.label;
    if (option) return localize(option, this.locale) || value;
    if (question?.type === 'consent' || value === 'true' || value === 'false') {
      if (value === 'true') return m.comments.yes;
      if (value === 'false') return m.comments.no;
    }
    if (value === 'other') return m.comments.other;
    return /^-?\d+(\.\d+)?$/.test(value) ? f.count(Number(value)) : value;
  }

  /** One of a comment's other answers, as "What went wrong?: Long queue, No one to help me". */
  answer(surveyId: string, answer: CommentAnswer, m: Messages, f: Formatter): string {
    const values = Array.isArray(answer.value) ? answer.value : [String(answer.value)];
    return m.comments.answer(this.prompt(surveyId, answer.questionId), f.list(values.map((v) => this.value(surveyId, answer.questionId, v, m, f))));
  }
}
