import type { Answer } from '../../../sdk/schema/answer.js';
import { parseSurvey } from '../../../sdk/survey/index.js';

export const smiley = (questionId: string, value: number): Answer => ({ questionId, type: 'smiley', value });
export const nps = (questionId: string, value: number): Answer => ({ questionId, type: 'nps', value });
export const text = (questionId: string, value: string): Answer => ({ questionId, type: 'text', value });
export const choice = (questionId: string, value: string | string[], other?: string): Answer =>
  other === undefined ? { questionId, type: 'choice', value } : { questionId, type: 'choice', value, other };
export const staff = (questionId: string, value: string | null): Answer => ({ questionId, type: 'staff', value });
export const consent = (questionId: string, value: boolean, contact?: string): Answer =>
  contact === undefined ? { questionId, type: 'consent', value } : { questionId, type: 'consent', value, contact };

/**
 * mood (required)
 *   ≤ 2 → issues (multi choice)
 *           includes "staff" → who (staff)
 *           includes "queue" → wait (text)
 *   ≥ 4 → praise (text)
 * issues unanswered (skipped or hidden) → anything (text)
 * contact (consent, required)
 */
export const survey = parseSurvey({
  id: 'post-visit',
  questions: [
    { id: 'mood', type: 'smiley', prompt: 'How was your visit?', required: true },
    {
      id: 'issues',
      type: 'choice',
      prompt: 'What went wrong?',
      multiple: true,
      options: [
        { id: 'price', label: 'Price' },
        { id: 'staff', label: 'Staff' },
        { id: 'queue', label: 'Queue' },
      ],
      showIf: { mood: { lte: 2 } },
    },
    { id: 'who', type: 'staff', prompt: 'Who served you?', required: true, showIf: { issues: { in: ['staff'] } } },
    { id: 'wait', type: 'text', prompt: 'How long did you wait?', showIf: { issues: { eq: 'queue' } } },
    { id: 'praise', type: 'text', prompt: 'What did you like?', showIf: { mood: { gte: 4 } } },
    { id: 'anything', type: 'text', prompt: 'Anything else?', showIf: { issues: { answered: false } } },
    { id: 'contact', type: 'consent', prompt: 'May we contact you?', required: true },
  ],
});

export const ids = (questions: readonly { id: string }[]): string[] => questions.map((q) => q.id);
