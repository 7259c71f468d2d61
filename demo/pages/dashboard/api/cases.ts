import { SettingsResponseSchema, type SettingsResponse } from '../../../server/settings/schema.js';
import {
  CaseDetailSchema,
  CaseListResponseSchema,
  CaseMetricsResponseSchema,
  type CaseDetail,
  type CaseListResponse,
  type CaseMetricsResponse,
} from '../../../server/cases/types.js';
import type { Session } from './session.js';
import { request } from './http.js';

/** `PATCH /v1/cases/:id`'s body (the server validates it again and names a bad field). */
export interface CaseChange {
  readonly version: number;
  readonly status?: 'open' | 'in_progress' | 'resolved';
  readonly assigneeId?: number | null;
  readonly note?: string;
  readonly contactAttempt?: { method: 'email' | 'phone' | 'other'; outcome?: 'reached' | 'no_answer' | 'left_message' | 'sent'; note?: string };
  readonly rootCause?: string;
  readonly resolutionNote?: string;
}

/** The inbox: cases of the selection (`status`, `region`, `store`…), unresolved ones by due time. */
export function fetchCases(query: URLSearchParams, signal?: AbortSignal): Promise<CaseListResponse> {
  return request('/v1/cases', CaseListResponseSchema, { query, ...(signal && { signal }) });
}

export function fetchCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return request(`/v1/cases/${encodeURIComponent(id)}`, CaseDetailSchema, signal ? { signal } : {});
}

/** Changes a case; a 409 means someone changed it since `version` (reload, decide again). */
export function changeCase(session: Session, id: string, change: CaseChange): Promise<CaseDetail> {
  return request(`/v1/cases/${encodeURIComponent(id)}`, CaseDetailSchema, { method: 'PATCH', body: change, csrfToken: session.csrfToken });
}

export function fetchCaseMetrics(query: URLSearchParams, signal?: AbortSignal): Promise<CaseMetricsResponse> {
  return request('/v1/cases/metrics', CaseMetricsResponseSchema, { query, ...(signal && { signal }) });
}

/** The brand's settings: root causes and response times (every manager reads them). */
export function fetchSettings(signal?: AbortSignal): Promise<SettingsResponse> {
  return request('/v1/settings', SettingsResponseSchema, signal ? { signal } : {});
}

export function saveSettings(session: Session, settings: SettingsResponse['settings']): Promise<SettingsResponse> {
  return request('/v1/settings', SettingsResponseSchema, { method: 'PUT', body: settings, csrfToken: session.csrfToken });
}
