import { lowestScore, npsScore, type Submission } from '../../../sdk/index.js';

/** The `submissions` columns that let rollups skip unpacking answers. */
export interface SubmissionMetrics {
  nps: number | null;
  csat: number | null;
  smiley: number | null;
  stars: number | null;
  /** The lowest 1–5 rating (smiley, stars, csat), as the SDK's router computes it. */
  minScore: number | null;
  /** Non-blank text answers, one per line (shown as text, never as HTML). */
  comment: string | null;
}

/** The first answer of each rating type, the lowest rating, and the free text of a submission. */
export function metricsOf(submission: Submission): SubmissionMetrics {
  const first = (type: 'csat' | 'smiley' | 'stars'): number | null => {
    const answer = submission.answers.find((a) => a.type === type);
    return typeof answer?.value === 'number' ? answer.value : null;
  };
  const texts = submission.answers.flatMap((a) => (a.type === 'text' && a.value.trim() !== '' ? [a.value.trim()] : []));
  return {
    nps: npsScore(submission) ?? null,
    csat: first('csat'),
    smiley: first('smiley'),
    stars: first('stars'),
    minScore: lowestScore(submission) ?? null,
    comment: texts.length > 0 ? texts.join('\n') : null,
  };
}
