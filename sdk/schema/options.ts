import * as z from 'zod/mini';
import type { Destination } from '../transport/types.js';
import type { Submission } from './submission.js';
import { ContextInputSchema, ChannelSchema, TagsSchema } from './context.js';
import { ConditionSchema } from './condition.js';
import { IdSchema } from './primitives.js';

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

const OneOrMany = z.union([IdSchema, z.array(IdSchema).check(z.minLength(1))]);

/**
 * A declarative test on a submission; every field given must hold.
 * Scores are the 1–5 ratings (smiley, stars, csat); NPS has its own fields.
 * @example { minScoreAtMost: 2 }              // any rating of 2 or less
 * @example { region: 'emea-north' }           // everything from one region
 * @example { npsAtMost: 6, channel: 'web' }   // web detractors
 * @example { tags: { managerRequested: true } } // a kiosk customer asked for a manager
 */
export const MatcherSchema = z.strictObject({
  minScoreAtMost: z.optional(z.number()),
  minScoreAtLeast: z.optional(z.number()),
  npsAtMost: z.optional(z.number()),
  npsAtLeast: z.optional(z.number()),
  surveyId: z.optional(OneOrMany),
  brand: z.optional(OneOrMany),
  region: z.optional(OneOrMany),
  store: z.optional(OneOrMany),
  device: z.optional(OneOrMany),
  channel: z.optional(z.union([ChannelSchema, z.array(ChannelSchema)])),
  /** The submission has non-empty free text. */
  hasText: z.optional(z.boolean()),
  /** Conditions on answers by question id, as in a survey's `showIf`. */
  answers: z.optional(z.record(IdSchema, ConditionSchema)),
  /** Context tags that must all be present with exactly these values. */
  tags: z.optional(TagsSchema),
});
export type Matcher = z.infer<typeof MatcherSchema>;

export type Predicate = (submission: Submission) => boolean;

export const RouteSchema = z.strictObject({
  /** A predicate or a declarative matcher. Omitted: always matches. */
  when: z.optional(z.union([z.custom<Predicate>(isFunction), MatcherSchema])),
  /** Destination names. */
  to: z.array(IdSchema).check(z.minLength(1)),
  /** Keep evaluating later rules after this one matched, adding their destinations. @default false */
  continue: z.optional(z.boolean()),
});
export type Route = z.infer<typeof RouteSchema>;

export type BeforeSend = (submission: Submission) => Submission | null | Promise<Submission | null>;

export const OutboxOptionsSchema = z.strictObject({
  /**
   * Name of the durable queue. Clients with the same name share it, and must then mean the same
   * backends by the same destination names. @default "storevoice-<hash of the destinations>"
   */
  name: z.optional(IdSchema),
  /** `auto` uses IndexedDB and falls back to memory where it is missing or fails. @default "auto" */
  storage: z.optional(z.enum(['auto', 'memory'])),
  /** @default 1000 */
  maxItems: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
  /** @default 5_000_000 (5 MB) */
  maxBytes: z.optional(z.int().check(z.gte(65_536))),
  /** Undelivered submissions older than this are dropped with reason `expired`. @default 30 days */
  maxAgeMs: z.optional(z.int().check(z.gte(60_000))),
});
export type OutboxOptions = z.infer<typeof OutboxOptionsSchema>;

export const RetryOptionsSchema = z.strictObject({
  /** First delay between outbox flush attempts; doubles each time, with equal jitter. @default 1000 */
  baseDelayMs: z.optional(z.int().check(z.gte(1))),
  /** Longest delay between attempts (a `Retry-After` may ask for more). @default 300_000 (5 min) */
  maxDelayMs: z.optional(z.int().check(z.gte(1))),
});
export type RetryOptions = z.infer<typeof RetryOptionsSchema>;

/** Options of {@link createClient}; see docs/sdk.md. */
export const ClientOptionsSchema = z.strictObject({
  /** Context attached to every submission. */
  context: z.optional(ContextInputSchema),
  /** A collector's base URL (`https://feedback.example.com/v1`): shorthand for `destinations: { main: http(endpoint, { key, batch: true }) }`. */
  endpoint: z.optional(z.string().check(z.refine(isHttpUrl, 'must be an http(s) URL'))),
  /** The brand's public write key, sent as `Authorization: Bearer <key>` by the `endpoint` shorthand. */
  key: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Named destinations. */
  destinations: z.optional(z.record(IdSchema, DestinationSchema)),
  /** Ordered rules; the first that matches decides (unless it says `continue`). */
  routes: z.optional(z.array(RouteSchema)),
  /** Where submissions go when no rule matches. @default the first destination */
  defaultDestination: z.optional(IdSchema),
  /** Modify a submission before it is queued, or return `null` to drop it (reported as `dropped`). */
  beforeSend: z.optional(z.custom<BeforeSend>(isFunction, 'must be a function')),
  /** Signed token (or a function returning one) sent with each submission; see docs/sdk.md#context-token. */
  contextToken: z.optional(z.union([z.string().check(z.minLength(1)), z.custom<() => string | Promise<string>>(isFunction)])),
  /** How the page URL is recorded: without query and fragment, in full, or not at all. @default "strip" */
  pageUrl: z.optional(z.enum(['strip', 'full', 'none'])),
  outbox: z.optional(OutboxOptionsSchema),
  retry: z.optional(RetryOptionsSchema),
  /** How long `submit()` waits for delivery before answering `queued`. @default 10_000 */
  submitTimeoutMs: z.optional(z.int().check(z.gte(0))),
  /** Flush on `online` and when the page is hidden, and beacon on `pagehide`. @default true */
  autoFlush: z.optional(z.boolean()),
}).check(
  z.refine((o) => o.endpoint !== undefined || (o.destinations !== undefined && Object.keys(o.destinations).length > 0), {
    message: 'needs an `endpoint` or at least one destination',
  }),
);
export type ClientOptions = z.infer<typeof ClientOptionsSchema>;
