import { mergeContext, pageUrl } from './context/index.js';
import { withoutUndefined } from './context/merge.js';
import { StoreVoiceError, ValidationError } from './errors.js';
import { Emitter } from './internal/emitter.js';
import { browserLocale } from './internal/locale.js';
import { uuidv7 } from './internal/uuid.js';
import type { ClientEventMap, DeliveryStatus, DropReason } from './events.js';
import { createCourier, warnFlushFailed, type Courier, type FlushReport, type ResolvedDestination } from './outbox/courier.js';
import { openOutbox, type OpenedOutbox } from './outbox/open.js';
import { reportLoss } from './outbox/report-loss.js';
import type { DeliveryState } from './outbox/types.js';
import { route } from './router.js';
import { ContextInputSchema, type ContextInput, type Tags } from './schema/context.js';
import { ClientOptionsSchema, type ClientOptions, type Route } from './schema/options.js';
import { parseOrThrow } from './schema/parse.js';
import { MAX_SUBMISSION_BYTES, SubmissionSchema, SubmitInputSchema, type Submission, type SubmitInput } from './schema/submission.js';
import { byteLength, fnv1a64 } from './transport/encode.js';
import { http } from './transport/http.js';
import type { Destination } from './transport/types.js';
import { submissionStatus, type SubmitStatus } from './submission-status.js';

export type { SubmitStatus } from './submission-status.js';

export interface SubmitResult {
  readonly id: string;
  readonly status: SubmitStatus;
  /** The outbox copy survives a reload (IndexedDB), rather than living in memory only. */
  readonly durable: boolean;
  /** Per destination. */
  readonly destinations: Readonly<Record<string, DeliveryStatus>>;
  /** The submission as queued, after context merging and `beforeSend`. */
  readonly submission: Submission;
  readonly reason?: DropReason;
  readonly message?: string;
}

/** A queued submission and what each destination still owes it. */
export interface PendingSubmission {
  readonly id: string;
  readonly surveyId: string;
  readonly queuedAt: number;
  readonly durable: boolean;
  readonly destinations: Readonly<Record<string, DeliveryState>>;
}

/** What `setContext` takes: like {@link ContextInput}, where `undefined` (a field, or one tag) removes it. */
export type ContextUpdate = {
  [K in keyof ContextInput]?: K extends 'tags' ? Record<string, Tags[string] | undefined> : ContextInput[K] | undefined;
};

/**
 * When and where a submission was made, for one handed over later: its id, time (epoch ms), page
 * address and the client's context at that moment. The script tag's deferred client
 * (src/delivery/deferred-client.ts) records one when it is asked to submit before its delivery code
 * has loaded, so the submission keeps them however late it is queued.
 * @internal
 */
export interface SubmitMoment {
  readonly id: string;
  readonly at: number;
  readonly href: string | undefined;
  readonly context: ContextInput;
}

/**
 * A client and what the script tag's deferred client needs beyond its public face: `submit()` for
 * a moment already past, and the way to report a submission it held as lost.
 * @internal
 */
export interface ClientCore {
  readonly client: Client;
  /** `client.submit()` for a submission made at `moment`. */
  submitAt(input: SubmitInput, moment: SubmitMoment): Promise<SubmitResult>;
  /** Reports `submission` as lost (`failed`, then `dropped`), e.g. one found invalid once it could be checked. */
  lost(submission: Submission, message: string): void;
}

/** The object host apps hold. Create it with {@link createClient}. */
export interface Client {
  /** Merges into the client's context; a key set to `undefined` removes it. Throws a `ValidationError` for bad values. */
  setContext(context: ContextUpdate): void;
  /** The client's current context (a copy). */
  getContext(): ContextInput;
  /**
   * Validates, queues durably, then delivers. Resolves once every destination answered or
   * `submitTimeoutMs` passed, with an honest status. Throws a `ValidationError` for bad input
   * (nothing is queued then).
   */
  submit(input: SubmitInput): Promise<SubmitResult>;
  /** Listens to an event; returns a function that stops listening. */
  on<K extends keyof ClientEventMap>(type: K, listener: (event: ClientEventMap[K]) => void): () => void;
  off<K extends keyof ClientEventMap>(type: K, listener: (event: ClientEventMap[K]) => void): void;
  /** Tries every pending delivery now, ignoring backoff. */
  flush(): Promise<FlushReport>;
  /** What is still queued (for this client's destinations and others sharing the outbox). */
  pending(): Promise<PendingSubmission[]>;
  /** Stops timers, listeners and in-flight requests. Queued submissions stay in the outbox for the next client. */
  destroy(): void;
}

const DEFAULTS = {
  outboxName: 'storevoice',
  maxItems: 1000,
  maxBytes: 5_000_000,
  maxAgeMs: 30 * 24 * 60 * 60 * 1000,
  baseDelayMs: 1000,
  maxDelayMs: 300_000,
  submitTimeoutMs: 10_000,
} as const;

function resolveDestinations(options: ClientOptions): ResolvedDestination[] {
  const given: Record<string, Destination> = { ...options.destinations };
  if (options.endpoint) {
    if (given.main) throw new ValidationError('client options', [{ path: 'endpoint', message: 'cannot be combined with a destination named "main"' }]);
    given.main = http(options.endpoint, { batch: true, key: options.key });
  }
  return Object.entries(given).map(([name, d]) =>
    typeof d === 'function'
      ? { name, send: d, batchSize: 1 }
      : { ...d, name, batchSize: Math.min(100, Math.max(1, Math.floor(d.batchSize ?? 1))) },
  );
}

function checkRoutes(routes: readonly Route[], names: ReadonlySet<string>, fallback: string): void {
  const issues = routes.flatMap((rule, i) =>
    rule.to.flatMap((name, j) => (names.has(name) ? [] : [{ path: `routes[${i}].to[${j}]`, message: `unknown destination "${name}"` }])),
  );
  if (!names.has(fallback)) issues.push({ path: 'defaultDestination', message: `unknown destination "${fallback}"` });
  if (issues.length) throw new ValidationError('client options', issues);
}

/**
 * Outbox entries name their destinations, so two clients sharing an outbox must mean the same
 * thing by "main". By default, clients share an outbox only when their destinations are the same
 * (e.g. the same page in two tabs); a widget for another collector gets its own.
 */
function defaultOutboxName(destinations: readonly ResolvedDestination[]): string {
  const fingerprint = destinations.map((d) => `${d.name}=${d.target ?? ''}`).sort().join('|');
  return `${DEFAULTS.outboxName}-${fnv1a64(fingerprint)}`;
}

/**
 * Creates a client: context, a durable outbox and routing to one or more destinations.
 * Safe to call during SSR (nothing touches `window` until it is there).
 * @example
 * const client = createClient({
 *   endpoint: 'https://feedback.example.com/v1', key: 'pk_live_…',
 *   context: { brand: 'acme', region: 'emea-north', store: '042', channel: 'web' },
 * });
 * const result = await client.submit({ surveyId: 'post-visit', answers: [{ questionId: 'mood', type: 'smiley', value: 5 }] });
 * if (result.status === 'queued') showSavedOffline();
 */
export function createClient(input: ClientOptions): Client {
  return createClientCore(input).client;
}

/**
 * {@link createClient}, with what the script tag's deferred client needs besides (see {@link ClientCore}).
 * @internal
 */
export function createClientCore(input: ClientOptions): ClientCore {
  const options = parseOrThrow(ClientOptionsSchema, input, 'client options');
  const destinations = resolveDestinations(options);
  const names = new Set(destinations.map((d) => d.name));
  // With the endpoint shorthand, `main` (the collector) is the natural default.
  const fallback = options.defaultDestination ?? (options.endpoint ? 'main' : destinations[0]!.name);
  const routes = options.routes ?? [];
  checkRoutes(routes, names, fallback);

  const events = new Emitter<ClientEventMap>();
  const limits = { maxItems: options.outbox?.maxItems ?? DEFAULTS.maxItems, maxBytes: options.outbox?.maxBytes ?? DEFAULTS.maxBytes };
  const outboxName = options.outbox?.name ?? defaultOutboxName(destinations);
  const submitTimeoutMs = options.submitTimeoutMs ?? DEFAULTS.submitTimeoutMs;
  let context: ContextInput = options.context ?? {};
  let destroyed = false;
  let warnedFallback = false;

  const ready: Promise<{ store: OpenedOutbox; courier: Courier }> = openOutbox(outboxName, options.outbox?.storage ?? 'auto', (error) => {
    if (warnedFallback) return;
    warnedFallback = true;
    console.warn('[storevoice] IndexedDB is unavailable; queued feedback is kept in memory until this page closes.', error);
  }).then((store) => {
    const courier = createCourier({
      outboxName,
      store,
      destinations,
      events,
      maxAgeMs: options.outbox?.maxAgeMs ?? DEFAULTS.maxAgeMs,
      retry: { baseDelayMs: options.retry?.baseDelayMs ?? DEFAULTS.baseDelayMs, maxDelayMs: options.retry?.maxDelayMs ?? DEFAULTS.maxDelayMs },
    });
    // Deliver what an earlier page left behind, now: a new page is a fresh start, like coming back online.
    // (Destroyed meanwhile: destroy() stops the courier once it exists.)
    if (!destroyed) void courier.flush(true).catch(warnFlushFailed);
    return { store, courier };
  });

  const listeners = options.autoFlush === false ? undefined : listenToPage(ready);

  /**
   * `given` (surveyId, surveyVersion, answers) goes on as it is; parsing puts the fields in wire
   * order. A `moment` gives the id, time, page and client context of a submission made earlier.
   */
  async function build({ context: own, consent: chosen, ...given }: SubmitInput, moment?: SubmitMoment): Promise<Submission> {
    const merged = mergeContext(moment?.context ?? context, own);
    const href = moment ? moment.href : globalThis.location?.href;
    const url = merged.page === undefined && href ? pageUrl(href, options.pageUrl ?? 'strip') : undefined;
    const locale = merged.locale ?? browserLocale();
    const token = typeof options.contextToken === 'function' ? await options.contextToken() : options.contextToken;
    const consentAnswer = given.answers.find((a) => a.type === 'consent');
    const consent = chosen ?? (consentAnswer && { contact: consentAnswer.value });
    const submission = {
      id: moment?.id ?? uuidv7(),
      schemaVersion: 1 as const,
      ...given,
      createdAt: new Date(moment?.at ?? Date.now()).toISOString(),
      context: { ...merged, channel: merged.channel ?? 'web', ...(url && { page: { url } }), ...(locale && { locale }) },
      ...(consent && { consent }),
      ...(token && { contextToken: token }),
    };
    return parseOrThrow(SubmissionSchema, submission, 'submission');
  }

  async function submit(raw: SubmitInput, moment?: SubmitMoment): Promise<SubmitResult> {
    if (destroyed) throw new StoreVoiceError('This StoreVoice client was destroyed.');
    const parsed = parseOrThrow(SubmitInputSchema, raw, 'submission');
    const built = await build(parsed, moment);
    const submission = options.beforeSend ? await options.beforeSend(built) : built;
    if (submission === null) {
      events.emit('dropped', { id: built.id, reason: 'before_send', submission: built });
      return { id: built.id, status: 'dropped', durable: false, destinations: {}, submission: built, reason: 'before_send' };
    }
    // Always re-validate: beforeSend may have changed the submission in place and returned it.
    if (options.beforeSend) parseOrThrow(SubmissionSchema, submission, 'submission returned by beforeSend');
    const bytes = byteLength(JSON.stringify(submission));
    if (bytes > MAX_SUBMISSION_BYTES) {
      throw new ValidationError('submission', [{ path: '', message: `is ${bytes} bytes of JSON; the limit is ${MAX_SUBMISSION_BYTES}` }]);
    }

    const targets = route(submission, routes, fallback);
    const { store, courier } = await ready;
    const now = Date.now();
    const entry = { id: submission.id, submission, bytes, queuedAt: now, pending: Object.fromEntries(targets.map((name) => [name, { attempts: 0, nextAttemptAt: now }])) };
    const added = await store.add(entry, limits);
    if (added !== 'added') {
      const message = added === 'full_items' ? `the outbox holds ${limits.maxItems} submissions already` : `the outbox holds ${limits.maxBytes} bytes already`;
      reportLoss(events, { id: submission.id, reason: 'queue_full', message }, submission);
      return { id: submission.id, status: 'failed', durable: false, destinations: {}, submission, reason: 'queue_full', message };
    }
    const durable = store.isDurable(submission.id);
    courier.track(entry);
    // Watch before anything is sent: what each destination answers while submit() waits decides its status.
    const watch = courier.watch(submission.id);
    events.emit('queued', { id: submission.id, submission, destinations: targets, durable });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([courier.nudge().catch(warnFlushFailed), new Promise((resolve) => (timer = setTimeout(resolve, submitTimeoutMs)))]);
    } finally {
      clearTimeout(timer);
      watch.stop();
    }
    return { id: submission.id, durable, submission, ...submissionStatus(targets, watch.outcomes) };
  }

  const client: Client = {
    setContext(partial) {
      // Validate what is being set; keys (and tags) set to undefined are removals, passed on as such.
      const tags = partial.tags && withoutUndefined(partial.tags);
      parseOrThrow(ContextInputSchema, { ...partial, ...(tags && { tags }) }, 'context');
      context = mergeContext(context, partial as ContextInput);
    },
    getContext: () => structuredClone(context),
    submit: (raw) => submit(raw),
    on: (type, listener) => events.on(type, listener),
    off: (type, listener) => events.off(type, listener),
    async flush() {
      if (destroyed) throw new StoreVoiceError('This StoreVoice client was destroyed.');
      return (await ready).courier.flush(true);
    },
    async pending() {
      if (destroyed) throw new StoreVoiceError('This StoreVoice client was destroyed.');
      const { store } = await ready;
      return (await store.list()).map((e) => ({ id: e.id, surveyId: e.submission.surveyId, queuedAt: e.queuedAt, durable: store.isDurable(e.id), destinations: e.pending }));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      listeners?.();
      events.clear();
      void ready.then(({ courier }) => courier.stop());
    },
  };
  return {
    client,
    submitAt: submit,
    lost: (submission, message) => reportLoss(events, { id: submission.id, reason: 'rejected', message }, submission),
  };
}

/**
 * Flushes when the network returns and when the page is hidden (the last reliable moment on
 * mobile), and beacons what is pending on `pagehide`. Returns a function that removes the listeners.
 */
function listenToPage(ready: Promise<{ courier: Courier }>): (() => void) | undefined {
  // Pages have both window and document; SSR, workers and Node have neither.
  if (typeof document === 'undefined') return undefined;
  const onOnline = () => void ready.then(({ courier }) => courier.flush(true)).catch(warnFlushFailed);
  const onVisibility = () => document.visibilityState === 'hidden' && void ready.then(({ courier }) => courier.flush(false)).catch(warnFlushFailed);
  let courier: Courier | undefined;
  void ready.then((r) => (courier = r.courier));
  // pagehide cannot wait for a promise, so it uses the courier once it is known.
  const onPageHide = () => courier?.beacon();
  // One signal removes all three listeners.
  const stop = new AbortController();
  const { signal } = stop;
  window.addEventListener('online', onOnline, { signal });
  document.addEventListener('visibilitychange', onVisibility, { signal });
  window.addEventListener('pagehide', onPageHide, { signal });
  return () => stop.abort();
}
