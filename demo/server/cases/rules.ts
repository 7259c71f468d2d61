import type { Answer, Submission } from '../../../sdk/index.js';
import type { CaseSettings } from '../settings/schema.js';

/** Why a case was opened, most urgent first. */
export const CASE_REASONS = ['manager_requested', 'detractor_with_contact', 'detractor'] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

/** What {@link caseFor} decided for a submission that needs a person. */
export interface CaseDecision {
  reason: CaseReason;
  /** The brand's response time for that reason. */
  responseMinutes: number;
}

/** What the rules look at: the submission as stored (contact details already taken out). */
export type CaseInput = Pick<Submission, 'context' | 'answers' | 'consent'>;

const isDetractorAnswer = (answer: Answer, thresholds: CaseSettings['detractor']): boolean => {
  switch (answer.type) {
    case 'nps':
      return answer.value <= thresholds.npsAtMost;
    case 'csat':
      return answer.value <= thresholds.csatAtMost;
    case 'smiley':
    case 'stars':
      return answer.value <= thresholds.ratingAtMost;
    default:
      return false;
  }
};

/** Whether any rating answer is at or below the brand's detractor threshold for its scale. */
export const isDetractor = (submission: Pick<Submission, 'answers'>, thresholds: CaseSettings['detractor']): boolean =>
  submission.answers.some((answer) => isDetractorAnswer(answer, thresholds));

/** `consent.contact: true`, or a consent question answered yes. */
export const agreedToContact = (submission: Pick<Submission, 'answers' | 'consent'>): boolean =>
  submission.consent?.contact === true || submission.answers.some((answer) => answer.type === 'consent' && answer.value === true);

/**
 * Whether a submission opens a follow-up case, and why (DESIGN.md, "Acting on feedback"):
 * - `manager_requested`: the kiosk's "speak to a manager now" (`context.tags.managerRequested === true`),
 *   whatever the scores;
 * - `detractor_with_contact`: a detractor score and consent to be contacted;
 * - `detractor`: a detractor score (NPS, CSAT, smiley or stars at or below the brand's thresholds).
 * Employee pulse (`channel: "employee"`) never opens a case: it is anonymous and about the
 * workplace, not a customer to call back. Pure: ingest runs it on every new submission.
 */
export function caseFor(submission: CaseInput, settings: CaseSettings): CaseDecision | null {
  if (submission.context.channel === 'employee') return null;
  const minutes = settings.responseMinutes;
  if (submission.context.tags?.['managerRequested'] === true) return { reason: 'manager_requested', responseMinutes: minutes.managerRequested };
  if (!isDetractor(submission, settings.detractor)) return null;
  if (agreedToContact(submission)) return { reason: 'detractor_with_contact', responseMinutes: minutes.detractorWithContact };
  return { reason: 'detractor', responseMinutes: minutes.detractor };
}

/**
 * When a case is due: its response time after the later of the submission's `createdAt` (the
 * device's clock) and its arrival. A kiosk that was offline for a day delivers old feedback: the
 * store cannot act before it arrives, so the clock starts then, and such a case is not born
 * overdue. A device clock running ahead gives no more than its own lead.
 */
export function dueAt(createdAt: Date, receivedAt: Date, responseMinutes: number): Date {
  return new Date(Math.max(createdAt.getTime(), receivedAt.getTime()) + responseMinutes * 60_000);
}
