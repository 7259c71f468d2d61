import { localize, type Answer, type Question, type SurveyDefinition } from '../../../sdk/index.js';
import type { CaseAnswer } from './types.js';

/** The language of the dashboard: prompts and labels are shown in it, falling back as `localize` does. */
const DASHBOARD_LOCALE = 'en';

const scale = (value: number, of: number) => `${value} of ${of}`;

/** Who a staff answer may name: the disclosed staff members and their names. */
export interface StaffNames {
  disclosed: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
}

function display(answer: Answer, question: Question | undefined, staff: StaffNames): { value: unknown; display: string; withheld: boolean } {
  switch (answer.type) {
    case 'nps':
      return { value: answer.value, display: scale(answer.value, 10), withheld: false };
    case 'smiley':
    case 'stars':
    case 'csat':
      return { value: answer.value, display: scale(answer.value, 5), withheld: false };
    case 'text':
      return { value: answer.value, display: answer.value, withheld: false };
    case 'consent':
      return { value: answer.value, display: answer.value ? 'Yes' : 'No', withheld: false };
    case 'choice': {
      const ids = Array.isArray(answer.value) ? answer.value : [answer.value];
      const options = question?.type === 'choice' ? question.options : [];
      const labels = ids.map((id) => {
        const option = options.find((o) => o.id === id);
        return option ? localize(option.label, DASHBOARD_LOCALE) : id;
      });
      if (answer.other) labels.push(`Other: ${answer.other}`);
      return { value: answer.value, display: labels.join(', '), withheld: false };
    }
    case 'staff': {
      if (answer.value === null) return { value: null, display: 'Not sure', withheld: false };
      if (!staff.disclosed.has(answer.value)) return { value: null, display: 'A staff member (not shown: too few responses about them)', withheld: true };
      return { value: answer.value, display: staff.names.get(answer.value) ?? answer.value, withheld: false };
    }
  }
}

/**
 * Every answer of a submission with its question's prompt (follow-up questions such as "What went
 * wrong?" included) and a plain-text rendering for people: scores as "2 of 5", options by their
 * labels, staff members by name — unless the anonymity rule withholds them, when neither the name
 * nor the id is given. A question the survey no longer has is shown by its id.
 */
export function describeAnswers(answers: readonly Answer[], survey: SurveyDefinition | undefined, staff: StaffNames): CaseAnswer[] {
  return answers.map((answer) => {
    const question = survey?.questions.find((q) => q.id === answer.questionId);
    const prompt = question ? localize(question.prompt, DASHBOARD_LOCALE) || answer.questionId : answer.questionId;
    return { questionId: answer.questionId, type: answer.type, prompt, ...display(answer, question, staff) };
  });
}
