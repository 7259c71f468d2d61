/**
 * What `GET /v1/events` sends, as zod schemas shared with the dashboard (like stats/types.ts):
 * each server-sent event has `event: <kind>`, `id: <id>` and, as `data`, one JSON object
 * `{ id, kind, at, data }`. Events are small on purpose: ids, scores, a case's reason and status;
 * never free text, contact details or staff ids (read the case or the stats for those, under
 * their access rules). zod/mini, and nothing else imported: this file ends up in the browser.
 */
import * as z from 'zod/mini';

export const EVENT_KINDS = ['submission', 'case', 'alert'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const nullableString = z.nullable(z.string());
const nullableNumber = z.nullable(z.number());

/** A new customer submission (never employee pulse). */
export const SubmissionEventDataSchema = z.object({
  submissionId: z.string(),
  regionId: nullableString,
  storeId: nullableString,
  channel: z.string(),
  surveyId: z.string(),
  /** When it was given, on the device (ISO instant). */
  createdAt: z.string(),
  /** The first answer of each rating type, as in the stats. */
  scores: z.object({ nps: nullableNumber, csat: nullableNumber, smiley: nullableNumber, stars: nullableNumber }),
  /** The lowest 1–5 rating. */
  minScore: nullableNumber,
  /** The case it opened, if any (announced by a `case` event right after). */
  caseId: nullableString,
});
export type SubmissionEventData = z.infer<typeof SubmissionEventDataSchema>;

export const CASE_ACTIONS = ['opened', 'updated', 'escalated'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** A case opened, changed by a manager, or escalated by the collector. */
export const CaseEventDataSchema = z.object({
  action: z.enum(CASE_ACTIONS),
  caseId: z.string(),
  submissionId: z.string(),
  reason: z.enum(['manager_requested', 'detractor_with_contact', 'detractor']),
  status: z.enum(['open', 'in_progress', 'resolved']),
  regionId: nullableString,
  storeId: nullableString,
  dueAt: z.string(),
  escalated: z.boolean(),
  assigneeId: nullableNumber,
  /** The case's version after this change (PATCH /v1/cases/:id needs the latest). */
  version: z.number(),
});
export type CaseEventData = z.infer<typeof CaseEventDataSchema>;

/** The `data` of one server-sent event. */
export const LiveEventSchema = z.object({
  /** Increasing, also the SSE `id` (what `Last-Event-ID` resumes from). */
  id: z.number(),
  kind: z.enum(EVENT_KINDS),
  /** When it was written (ISO instant). */
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof LiveEventSchema>;
