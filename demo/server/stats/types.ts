/**
 * Response shapes of the stats API, shared with the dashboard (type-only imports, so nothing of
 * the server ends up in the browser bundle).
 */

export type Level = 'brand' | 'region' | 'store' | 'staff';
export type Audience = 'customer' | 'employee';

/** One score with the number of answers it was computed from. */
export interface Metric {
  /** null when there are no answers, or fewer than the minimum where the minimum applies. */
  value: number | null;
  n: number;
  /** true when answers exist but fewer than the minimum (the value is withheld). */
  insufficientResponses: boolean;
}

export interface Kpis {
  /** Responses (submissions); always shown. */
  volume: number;
  /** Net Promoter Score, −100…100: % of 9–10 minus % of 0–6. */
  nps: Metric;
  /** % of CSAT answers that are 4 or 5. */
  csat: Metric;
  /** Average smiley, 1…5. */
  smiley: Metric;
  /** Average stars, 1…5. */
  stars: Metric;
  /** Responses with a comment. */
  comments: number;
  /** true when the minimum applies to this group and its volume is below it. */
  insufficientResponses: boolean;
}

export interface Group extends Kpis {
  /** Region, store or staff id; '' for submissions without one. */
  id: string;
  name: string | null;
}

/** The selection a response describes, after scope and parameters were combined. */
export interface FilterEcho {
  brand: string;
  region: string | null;
  store: string | null;
  staff: string | null;
  from: string;
  to: string;
  channel: Audience;
}

export interface StatsResponse {
  level: Level;
  filter: FilterEcho;
  /** The minimum number of responses for individual (and employee-pulse) scores. */
  minResponses: number;
  /** The whole selection (team results come first). */
  summary: Kpis;
  groups: Group[];
}

export interface TrendPoint extends Kpis {
  /** First day of the period, YYYY-MM-DD (UTC). */
  period: string;
}

export interface TrendResponse {
  filter: FilterEcho;
  bucket: 'day' | 'week';
  points: TrendPoint[];
}

export interface DistributionResponse {
  filter: FilterEcho;
  /** Answers per value: nps[0..10], the others [1..5] at index 0..4. Null when withheld. */
  nps: number[] | null;
  csat: number[] | null;
  smiley: number[] | null;
  stars: number[] | null;
  insufficientResponses: boolean;
}

export interface CommentItem {
  id: string;
  createdAt: string;
  regionId: string | null;
  storeId: string | null;
  storeName: string | null;
  channel: string;
  /** Plain text as the customer wrote it: render as text, never as HTML. */
  text: string;
  nps: number | null;
  minScore: number | null;
}

export interface CommentsResponse {
  filter: FilterEcho;
  comments: CommentItem[];
}

export interface KudosItem {
  id: string;
  createdAt: string;
  storeId: string | null;
  storeName: string | null;
  /** The staff members the feedback names (by id) or mentions (by first name). */
  staff: Array<{ id: string; name: string | null }>;
  text: string;
  nps: number | null;
  minScore: number | null;
}

export interface KudosResponse {
  filter: FilterEcho;
  kudos: KudosItem[];
}
