/**
 * Response shapes of the cases API, as zod schemas shared with the dashboard (like
 * stats/types.ts): the server's types come from them and the dashboard checks every answer with
 * them. zod/mini, and nothing else imported: this file ends up in the browser bundle.
 */
import * as z from 'zod/mini';

export const CaseReasonSchema = z.enum(['manager_requested', 'detractor_with_contact', 'detractor']);
export const CaseStatusSchema = z.enum(['open', 'in_progress', 'resolved']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

const count = z.number().check(z.int(), z.nonnegative());
const nullableString = z.nullable(z.string());
const nullableNumber = z.nullable(z.number());

/** A dashboard user as a case shows them: never their e-mail. */
export const CaseUserSchema = z.object({
  id: z.number(),
  name: z.string(),
  role: z.enum(['corporate', 'regional', 'store']),
});
export type CaseUser = z.infer<typeof CaseUserSchema>;

/** One case in a list (`GET /v1/cases`). Times are ISO instants (UTC); show them in `timeZone`. */
export const CaseSummarySchema = z.object({
  id: z.string(),
  submissionId: z.string(),
  reason: CaseReasonSchema,
  status: CaseStatusSchema,
  /** When the collector opened the case (the submission's arrival). */
  createdAt: z.string(),
  /** When the customer gave the feedback (the device's clock). */
  submittedAt: z.string(),
  dueAt: z.string(),
  /** Unresolved and past `dueAt`. */
  overdue: z.boolean(),
  /** Escalated to the region's manager for being overdue. */
  escalated: z.boolean(),
  escalatedAt: nullableString,
  firstResponseAt: nullableString,
  resolvedAt: nullableString,
  regionId: nullableString,
  regionName: nullableString,
  storeId: nullableString,
  storeName: nullableString,
  /** The store's IANA time zone; null for a store the hierarchy does not know. */
  timeZone: nullableString,
  channel: z.string(),
  surveyId: z.string(),
  /** The first answer of each rating type, and the lowest 1–5 rating. */
  scores: z.object({ nps: nullableNumber, csat: nullableNumber, smiley: nullableNumber, stars: nullableNumber, min: nullableNumber }),
  /** The start of the customer's text, as plain text (render it as text, never as HTML). */
  excerpt: nullableString,
  /** Whether the customer left contact details (shown on the case itself). */
  hasContact: z.boolean(),
  assignee: z.nullable(CaseUserSchema),
  /** Send it back with PATCH: a change made meanwhile by someone else is a 409. */
  version: z.number(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListResponseSchema = z.object({
  cases: z.array(CaseSummarySchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: nullableString,
  /** Unresolved, overdue and escalated cases in the selection's scope (whatever `status` says). */
  counts: z.object({ active: count, overdue: count, escalated: count }),
});
export type CaseListResponse = z.infer<typeof CaseListResponseSchema>;

/** One answer of the submission with its question, as the survey definition words it (English). */
export const CaseAnswerSchema = z.object({
  questionId: z.string(),
  type: z.string(),
  /** The question's prompt; the question id when the survey no longer has it. */
  prompt: z.string(),
  /** As sent (a score, option ids, text, a staff id, true/false); null when withheld. */
  value: z.unknown(),
  /** For people: "2 of 5", the options' labels, the staff member's name, "Yes". Plain text. */
  display: z.string(),
  /** A staff member below the anonymity minimum: neither named nor identified. */
  withheld: z.boolean(),
});
export type CaseAnswer = z.infer<typeof CaseAnswerSchema>;

export const CaseNoteSchema = z.object({
  id: z.string(),
  /** `note` and `contact_attempt` are written by managers; the others record what changed. */
  kind: z.enum(['note', 'contact_attempt', 'status', 'assigned', 'resolved', 'reopened', 'escalated']),
  /** null for what the collector did (escalation). */
  author: z.nullable(z.object({ id: nullableNumber, name: z.string() })),
  text: nullableString,
  /** Details of the change: `{ from, to }` for a status, `{ assigneeId, assigneeName }`, `{ rootCause }`, `{ method, outcome }`. */
  data: z.nullable(z.record(z.string(), z.unknown())),
  createdAt: z.string(),
});
export type CaseNote = z.infer<typeof CaseNoteSchema>;

/** Contact details the customer gave with consent: only ever on a case, only to its managers. */
export const CaseContactSchema = z.object({
  kind: z.enum(['email', 'phone', 'other']),
  /** null once erased. Plain text. */
  value: nullableString,
  /** `mailto:…` or `tel:…`; null for `other` or once erased. */
  href: nullableString,
  erased: z.boolean(),
});
export type CaseContact = z.infer<typeof CaseContactSchema>;

/** `GET /v1/cases/:id` and the answer to `PATCH /v1/cases/:id`. */
export const CaseDetailSchema = z.object({
  ...CaseSummarySchema.shape,
  locale: nullableString,
  surveyTitle: nullableString,
  answers: z.array(CaseAnswerSchema),
  /** Staff members the feedback names, by id or through a staff question, who may be named. */
  staff: z.array(z.object({ id: z.string(), name: nullableString })),
  /** true when it names someone below the anonymity minimum (not listed, not identified). */
  staffWithheld: z.boolean(),
  contact: z.nullable(CaseContactSchema),
  rootCause: z.nullable(z.object({ id: z.string(), label: z.string() })),
  resolutionNote: nullableString,
  notes: z.array(CaseNoteSchema),
  /** Who the case may be assigned to: its store's managers, its region's, corporate. */
  assignable: z.array(CaseUserSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** Closing-the-loop figures of a group of cases (docs/collector.md, "Closing-the-loop metrics"). */
export const CaseMetricsSchema = z.object({
  /** Cases opened in the period. */
  opened: count,
  /** Of those, not resolved now. */
  open: count,
  /** Of those, not resolved and past due now. */
  overdue: count,
  escalated: count,
  resolved: count,
  /**
   * Median minutes from opening to the first human action; null without any. Exact up to 20,000
   * cases in the selection, within 5 % above (docs/collector.md, "Closing-the-loop metrics").
   */
  medianFirstResponseMinutes: nullableNumber,
  /** Median minutes from opening to resolution; null without any resolved. Precision as above. */
  medianResolveMinutes: nullableNumber,
  /** % of decided cases resolved by their due time; null when none is decided. */
  resolvedOnTimePct: nullableNumber,
  resolvedOnTime: count,
  /** Cases whose outcome is known: resolved, or past due. */
  decided: count,
  /** The most frequent root causes of resolved cases, most frequent first (at most 3). */
  topRootCauses: z.array(z.object({ id: z.string(), label: z.string(), count })),
});
export type CaseMetrics = z.infer<typeof CaseMetricsSchema>;

export const CaseMetricsResponseSchema = z.object({
  level: z.enum(['store', 'region']),
  filter: z.object({ from: z.string(), to: z.string(), region: nullableString, store: nullableString }),
  summary: CaseMetricsSchema,
  groups: z.array(z.object({ ...CaseMetricsSchema.shape, id: z.string(), name: nullableString, regionId: nullableString })),
});
export type CaseMetricsResponse = z.infer<typeof CaseMetricsResponseSchema>;
