import type { RootCause } from '../settings/schema.js';
import type { CasePatch } from './params.js';
import type { CaseNote, CaseStatus } from './types.js';

/** What a change depends on: the case as it is now. */
export interface CaseState {
  status: CaseStatus;
  assigneeId: number | null;
}

/** The manager making the change. */
export interface Actor {
  id: number;
  name: string;
}

/** A line of the case's history to write with the change. */
export interface PlannedNote {
  kind: CaseNote['kind'];
  text: string | null;
  data: Record<string, unknown> | null;
}

/** What a PATCH does to a case, decided before anything is written. */
export interface CasePlan {
  status: CaseStatus;
  assigneeId: number | null;
  /** Set when the change resolves the case; `clear` when it reopens it; `keep` otherwise. */
  resolution: { rootCause: string; resolutionNote: string } | 'clear' | 'keep';
  notes: PlannedNote[];
}

/** A refused change: the field at fault and why (a 400 naming it). */
export interface PlanError {
  path: string[];
  message: string;
}

/**
 * Plans a manager's change to a case (`PATCH /v1/cases/:id`), as a pure function of the case, the
 * request and the brand's root causes:
 * - status `open` → `in_progress` → `resolved`, any other move too (back to open, straight to
 *   resolved); `resolved` → `open` or `in_progress` reopens it, clearing its resolution (which
 *   stays in the history);
 * - resolving needs a root cause from the brand's list and a resolution note, and only resolving
 *   accepts them;
 * - taking a case (to `in_progress`) that has no assignee assigns it to whoever takes it, unless
 *   the request names an assignee;
 * - every change is recorded as a note with its author; a request that changes nothing is refused.
 * Whether an assignee may be assigned needs the database and is checked by the caller.
 */
export function planCaseChange(state: CaseState, patch: Omit<CasePatch, 'version'>, actor: Actor, rootCauses: readonly RootCause[]): CasePlan | PlanError {
  const status = patch.status ?? state.status;
  const wasResolved = state.status === 'resolved';
  const resolving = status === 'resolved' && !wasResolved;
  const reopening = wasResolved && status !== 'resolved';

  if (!resolving) {
    const field = patch.rootCause !== undefined ? 'rootCause' : patch.resolutionNote !== undefined ? 'resolutionNote' : undefined;
    if (field) return { path: [field], message: wasResolved && status === 'resolved' ? 'the case is already resolved: reopen it first' : 'is only accepted when resolving the case (status "resolved")' };
  }
  let resolution: CasePlan['resolution'] = reopening ? 'clear' : 'keep';
  if (resolving) {
    if (patch.rootCause === undefined) return { path: ['rootCause'], message: 'is required to resolve a case' };
    if (!rootCauses.some((cause) => cause.id === patch.rootCause)) return { path: ['rootCause'], message: `must be one of ${rootCauses.map((c) => `"${c.id}"`).join(', ')}` };
    if (patch.resolutionNote === undefined) return { path: ['resolutionNote'], message: 'is required to resolve a case' };
    resolution = { rootCause: patch.rootCause, resolutionNote: patch.resolutionNote };
  }

  const taking = status === 'in_progress' && state.status !== 'in_progress' && state.assigneeId === null && patch.assigneeId === undefined;
  const assigneeId = patch.assigneeId !== undefined ? patch.assigneeId : taking ? actor.id : state.assigneeId;

  const notes: PlannedNote[] = [];
  if (assigneeId !== state.assigneeId) notes.push({ kind: 'assigned', text: null, data: { from: state.assigneeId, assigneeId } });
  if (reopening) notes.push({ kind: 'reopened', text: null, data: { from: state.status, to: status } });
  else if (!resolving && status !== state.status) notes.push({ kind: 'status', text: null, data: { from: state.status, to: status } });
  if (patch.contactAttempt) notes.push({ kind: 'contact_attempt', text: patch.contactAttempt.note ?? null, data: { method: patch.contactAttempt.method, outcome: patch.contactAttempt.outcome ?? null } });
  if (patch.note !== undefined) notes.push({ kind: 'note', text: patch.note, data: null });
  if (typeof resolution === 'object') notes.push({ kind: 'resolved', text: resolution.resolutionNote, data: { from: state.status, rootCause: resolution.rootCause } });

  if (notes.length === 0) return { path: [], message: 'changes nothing: give a new status, an assigneeId, a note or a contactAttempt' };
  return { status, assigneeId, resolution, notes };
}

export const isPlanError = (result: CasePlan | PlanError): result is PlanError => 'message' in result;
