import * as z from 'zod/mini';
import type { Destination } from '../transport/types.js';
import type { Submission } from './submission.js';
import { ContextInputSchema, ChannelSchema, TagsSchema } from './context.js';
import { ConditionSchema } from './condition.js';
import { IdSchema } from './primitives.js';
import { boolean, integer, listOf, literal, number, oneOf, optional, recordOf, strictObject, string, within } from './internal.js';

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';

const DestinationSchema = z.custom<Destination>(
  (v) => isFunction(v) || (typeof v === 'object' && v !== null && isFunction((v as { send?: unknown }).send)),
  'must be a transport function or an object with a send() function, e.g. http(url)',
);

const OneOrMany = oneOf([IdSchema, listOf(IdSchema, 1)]);

/**
 * A declarative test on a submission; every field given must hold.
 * Scores are the 1–5 ratings (smiley, stars, csat); NPS has its own fields.
 * @example { minScoreAtMost: 2 }              // any rating of 2 or less
 * @example { region: 'emea-north' }           // everything from one region
 * @example { npsAtMost: 6, channel: 'web' }   // web detractors
 * @example { tags: { managerRequested: true } } // a kiosk customer asked for a manager
 */
export const MatcherSchema = strictObject({
  minScoreAtMost: optional(number()),
  minScoreAtLeast: optional(number()),
  npsAtMost: optional(number()),
  npsAtLeast: optional(number()),
  surveyId: optional(OneOrMany),
  brand: optional(OneOrMany),
  region: optional(OneOrMany),
  store: optional(OneOrMany),
  device: optional(OneOrMany),
  channel: optional(oneOf([ChannelSchema, listOf(ChannelSchema)])),
  /** The submission has non-empty free text. */
  hasText: optional(boolean()),
  /** Conditions on answers by question id, as in a survey's `showIf`. */
  answers: optional(recordOf(IdSchema, ConditionSchema)),
  /** Context tags that must all be present with exactly these values. */
  tags: optional(TagsSchema),
});
export type Matcher = z.infer<typeof MatcherSchema>;

export type Predicate = (submission: Submission) => boolean;

export const RouteSchema = strictObject({
  /** A predicate or a declarative matcher. Omitted: always matches. */
  when: optional(oneOf([z.custom<Predicate>(isFunction), MatcherSchema])),
  /** Destination names. */
  to: listOf(IdSchema, 1),
  /** Keep evaluating later rules after this one matched, adding their destinations. @default false */
  continue: optional(boolean()),
});
export type Route = z.infer<typeof RouteSchema>;

export type BeforeSend = (submission: Submission) => Submission | null | Promise<Submission | null>;

export const OutboxOptionsSchema = strictObject({
  /**
   * Name of the durable queue. Clients with the same name share it, and must then mean the same
   * backends by the same destination names. @default "storevoice-<hash of the destinations>"
   */
  name: optional(IdSchema),
  /** `auto` uses IndexedDB and falls back to memory where it is missing or fails. @default "auto" */
  storage: optional(literal(['auto', 'memory'])),
  /** @default 1000 */
  maxItems: optional(integer(1, 100_000)),
  /** @default 5_000_000 (5 MB) */
  maxBytes: optional(integer(65_536)),
  /** Undelivered submissions older than this are dropped with reason `expired`. @default 30 days */
  maxAgeMs: optional(integer(60_000)),
});
export type OutboxOptions = z.infer<typeof OutboxOptionsSchema>;

export const RetryOptionsSchema = strictObject({
  /** First delay between outbox flush attempts; doubles each time, with equal jitter. @default 1000 */
  baseDelayMs: optional(integer(1)),
  /** Longest delay between attempts (a `Retry-After` may ask for more). @default 300_000 (5 min) */
  maxDelayMs: optional(integer(1)),
});
export type RetryOptions = z.infer<typeof RetryOptionsSchema>;

/** Options of {@link createClient}; see docs/sdk.md. */
export const ClientOptionsSchema = strictObject({
  /** Context attached to every submission. */
  context: optional(ContextInputSchema),
  /** A collector's base URL (`https://feedback.example.com/v1`): shorthand for `destinations: { main: http(endpoint, { key, batch: true }) }`. */
  endpoint: optional(string().check(z.refine(isHttpUrl, 'must be an http(s) URL'))),
  /** The brand's public write key, sent as `Authorization: Bearer <key>` by the `endpoint` shorthand. */
  key: optional(string().check(within(1, 200))),
  /** Named destinations. */
  destinations: optional(recordOf(IdSchema, DestinationSchema)),
  /** Ordered rules; the first that matches decides (unless it says `continue`). */
  routes: optional(listOf(RouteSchema)),
  /** Where submissions go when no rule matches. @default the first destination */
  defaultDestination: optional(IdSchema),
  /** Modify a submission before it is queued, or return `null` to drop it (reported as `dropped`). */
  beforeSend: optional(z.custom<BeforeSend>(isFunction, 'must be a function')),
  /** Signed token (or a function returning one) sent with each submission; see docs/sdk.md#context-token. */
  contextToken: optional(oneOf([string().check(within(1)), z.custom<() => string | Promise<string>>(isFunction)])),
  /** How the page URL is recorded: without query and fragment, in full, or not at all. @default "strip" */
  pageUrl: optional(literal(['strip', 'full', 'none'])),
  outbox: optional(OutboxOptionsSchema),
  retry: optional(RetryOptionsSchema),
  /** How long `submit()` waits for delivery before answering `queued`. @default 10_000 */
  submitTimeoutMs: optional(integer(0)),
  /** Flush on `online` and when the page is hidden, and beacon on `pagehide`. @default true */
  autoFlush: optional(boolean()),
}).check(
  z.refine((o) => o.endpoint !== undefined || (o.destinations !== undefined && Object.keys(o.destinations).length > 0), {
    message: 'needs an `endpoint` or at least one destination',
  }),
);
export type ClientOptions = z.infer<typeof ClientOptionsSchema>;
