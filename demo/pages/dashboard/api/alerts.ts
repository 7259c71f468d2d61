import * as z from 'zod/mini';
import {
  AlertItemSchema,
  AlertListSchema,
  AlertRuleListSchema,
  AlertRuleViewSchema,
  RuleDeliveryListSchema,
  RuleTestResultSchema,
  type AlertItem,
  type AlertList,
  type AlertRuleView,
  type RuleDelivery,
  type RuleTestResult,
} from '../../../server/alerts/session/types.js';
import type { Session } from './session.js';
import { request, requestEmpty } from './http.js';

export type { AlertItem, AlertRuleView, RuleDelivery, RuleTestResult };

/** Recent alerts of the user's scope, newest first. */
export function fetchAlerts(query: URLSearchParams, signal?: AbortSignal): Promise<AlertList> {
  return request('/v1/alerts', AlertListSchema, { query, ...(signal && { signal }) });
}

export function acknowledgeAlert(session: Session, id: string): Promise<AlertItem> {
  return request(`/v1/alerts/${encodeURIComponent(id)}/acknowledge`, AlertItemSchema, { method: 'POST', csrfToken: session.csrfToken });
}

/** The rules the user owns (their scope's). */
export async function fetchRules(signal?: AbortSignal): Promise<AlertRuleView[]> {
  return (await request('/v1/alert-rules', AlertRuleListSchema, signal ? { signal } : {})).rules;
}

/** Creates (no id) or replaces a rule; the collector validates it and names a bad field. */
export function saveRule(session: Session, id: string | undefined, rule: Record<string, unknown>): Promise<AlertRuleView> {
  return id === undefined
    ? request('/v1/alert-rules', AlertRuleViewSchema, { method: 'POST', body: rule, csrfToken: session.csrfToken })
    : request(`/v1/alert-rules/${encodeURIComponent(id)}`, AlertRuleViewSchema, { method: 'PUT', body: rule, csrfToken: session.csrfToken });
}

export function switchRule(session: Session, id: string, enabled: boolean): Promise<AlertRuleView> {
  return request(`/v1/alert-rules/${encodeURIComponent(id)}`, AlertRuleViewSchema, { method: 'PATCH', body: { enabled }, csrfToken: session.csrfToken });
}

export function deleteRule(session: Session, id: string): Promise<void> {
  return requestEmpty(`/v1/alert-rules/${encodeURIComponent(id)}`, { method: 'DELETE', csrfToken: session.csrfToken });
}

export function testRule(session: Session, id: string): Promise<RuleTestResult> {
  return request(`/v1/alert-rules/${encodeURIComponent(id)}/test`, RuleTestResultSchema, { method: 'POST', csrfToken: session.csrfToken });
}

export async function fetchDeliveries(id: string, signal?: AbortSignal): Promise<RuleDelivery[]> {
  return (await request(`/v1/alert-rules/${encodeURIComponent(id)}/deliveries`, RuleDeliveryListSchema, signal ? { signal } : {})).deliveries;
}

export const AlertEventDataSchema = z.object({
  alertId: z.string(),
  alertKind: z.string(),
  ruleName: z.nullable(z.string()),
  storeId: z.nullable(z.string()),
  storeName: z.optional(z.nullable(z.string())),
  managerRequested: z.optional(z.boolean()),
  caseId: z.optional(z.nullable(z.string())),
});
