import { RecognitionResponseSchema, ThanksResponseSchema, type RecognitionResponse } from '../../../server/recognition/types.js';
import type { KudosThanks } from '../../../server/stats/types.js';
import type { DateRange } from '../router/date-range.js';
import type { Session } from './session.js';
import { request } from './http.js';

/** Forwards a kudos to the person it is for, with the manager's thanks. */
export async function sendThanks(session: Session, kudosId: string, staffId: string, text: string): Promise<KudosThanks> {
  return (await request(`/v1/kudos/${encodeURIComponent(kudosId)}/thanks`, ThanksResponseSchema, { method: 'POST', body: { staffId, text }, csrfToken: session.csrfToken })).thanks;
}

/** Kudos and forwarded kudos per store (managers): counts, never people. */
export function fetchRecognition(range: DateRange, scope: { region?: string | undefined; store?: string | undefined }, signal: AbortSignal): Promise<RecognitionResponse> {
  const query = new URLSearchParams({ from: range.from, to: range.to });
  if (scope.region) query.set('region', scope.region);
  if (scope.store) query.set('store', scope.store);
  return request('/v1/recognition/stores', RecognitionResponseSchema, { query, signal });
}
