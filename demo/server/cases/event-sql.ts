import type { CaseAction } from '../events/types.js';

/** An instant as JSON text the way JavaScript writes it (`2026-03-07T18:10:00.000Z`). */
export const isoSql = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The `data` of a `case` live event (events/types.ts, CaseEventData) built in SQL from a `cases`
 * row, so a statement that changes cases announces them in the same statement.
 */
export function caseEventSql(alias: string, action: CaseAction): string {
  return `jsonb_build_object('action', '${action}', 'caseId', ${alias}.id::text, 'submissionId', ${alias}.submission_id::text, 'reason', ${alias}.reason,
    'status', ${alias}.status, 'regionId', ${alias}.region_id, 'storeId', ${alias}.store_id, 'dueAt', ${isoSql(`${alias}.due_at`)},
    'escalated', ${alias}.escalated_at IS NOT NULL, 'assigneeId', ${alias}.assignee_id, 'version', ${alias}.version)`;
}
