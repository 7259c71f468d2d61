import { answerCounts, ANSWERED, type AnswerRow } from '../queries/answers.js';
import { echo } from '../scope.js';
import { select } from '../selection.js';
import type { AnswersResponse } from '../types.js';
import type { StatsEndpoint } from './context.js';

type LocalizedText = string | Record<string, string>;
type Survey = AnswersResponse['surveys'][number];
type QuestionAnswers = Survey['questions'][number];

/** What the answers view needs of a stored survey definition (validated when it was stored). */
interface StoredQuestion {
  id: string;
  type: string;
  prompt?: LocalizedText;
  options?: Array<{ id: string; label: LocalizedText }>;
}
interface StoredSurvey {
  title?: LocalizedText;
  questions?: StoredQuestion[];
}

const RATING_ORDER = (a: string, b: string) => Number(a) - Number(b);

/**
 * Builds one survey's questions: in the definition's order (questions answered but no longer in
 * it come last), each with its prompt, its answers per value with option labels, and how many
 * submissions answered it. Under the anonymity rule each question is a group of its own.
 */
function questionsOf(definition: StoredSurvey | undefined, rows: AnswerRow[], minimum: number): QuestionAnswers[] {
  const byQuestion = new Map<string, AnswerRow[]>();
  for (const row of rows) byQuestion.set(row.question_id, [...(byQuestion.get(row.question_id) ?? []), row]);
  const defined = definition?.questions ?? [];
  const order = [...defined.map((q) => q.id).filter((id) => byQuestion.has(id)), ...[...byQuestion.keys()].filter((id) => !defined.some((q) => q.id === id)).sort()];
  return order.map((id) => {
    const question = defined.find((q) => q.id === id);
    const answers = byQuestion.get(id) ?? [];
    const type = question?.type ?? answers[0]?.answer_type ?? 'unknown';
    const marker = answers.find((a) => a.value === ANSWERED);
    const values = answers.filter((a) => a.value !== ANSWERED);
    const answered = marker ? marker.n : values.reduce((sum, a) => sum + a.n, 0);
    const label = (value: string) => question?.options?.find((o) => o.id === value)?.label ?? null;
    const optionIndex = (value: string) => question?.options?.findIndex((o) => o.id === value) ?? -1;
    const sorted = ['smiley', 'stars', 'nps', 'csat'].includes(type)
      ? values.sort((a, b) => RATING_ORDER(a.value, b.value))
      : values.sort((a, b) => (optionIndex(a.value) === -1 ? 1e9 : optionIndex(a.value)) - (optionIndex(b.value) === -1 ? 1e9 : optionIndex(b.value)) || b.n - a.n);
    const withheld = minimum > 0 && answered < minimum;
    return {
      id,
      type,
      prompt: question?.prompt ?? null,
      answered,
      counts: withheld ? null : sorted.map((a) => ({ value: a.value, label: label(a.value), n: a.n })),
      insufficientResponses: withheld,
    };
  });
}

/**
 * `GET /v1/stats/answers`: the distribution of every question's answers in the selection —
 * ratings, choice options (follow-ups such as "What went wrong?" included), consent — with the
 * prompts and option labels of the survey definitions (as stored: a string or a map of locale →
 * string, which the dashboard shows in the reader's language).
 */
export const answersEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats/answers', async (c) => {
    const s = await select(c, ctx);
    const rows = await answerCounts(ctx.db, s.filter);
    const bySurvey = new Map<string, AnswerRow[]>();
    for (const row of rows) bySurvey.set(row.survey_id, [...(bySurvey.get(row.survey_id) ?? []), row]);
    const definitions = new Map(
      (await ctx.db.query<{ id: string; definition: StoredSurvey }>('SELECT id, definition FROM surveys WHERE id = ANY($1::text[])', [[...bySurvey.keys()]])).map((r) => [r.id, r.definition]),
    );
    // An individual's or a pulse group's answers: each question below the minimum is withheld.
    const surveys = [...bySurvey]
      .map(([id, surveyRows]) => ({ id, title: definitions.get(id)?.title ?? null, questions: questionsOf(definitions.get(id), surveyRows, s.protection.minimum) }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const body: AnswersResponse = { filter: echo(s.filter), surveys };
    return c.json(body);
  });
};
