import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every metric one collector process exports at `GET /metrics` (docs/collector.md, "Metrics"),
 * in its own prom-client registry: tests start several collectors in one process, and each must
 * count only its own requests. Labels are bounded by construction — route patterns, not paths;
 * error codes of our own; never a brand, store, key or address.
 */
export interface CollectorMetrics {
  readonly registry: Registry;
  /** Seconds from request to response, by method, route pattern and status. */
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Requests answered 429, by route pattern (ingest per IP or device, logins). */
  readonly rateLimited: Counter<'route'>;
  /** Submissions received on `POST /v1/submissions`, by outcome (`accepted`, `duplicate`). */
  readonly ingestSubmissions: Counter<'outcome'>;
  /** Ingest requests refused, by the `error` code of the answer (`invalid_submission`, `unauthorized`…). */
  readonly ingestRejected: Counter<'reason'>;
  /** Webhook attempts made by this instance, by outcome (`succeeded`, `retrying`, `failed`). */
  readonly webhookAttempts: Counter<'outcome'>;
  /** Database statements and transactions, by database kind. */
  readonly dbDuration: Histogram<'database'>;
  /** Statements and transactions running or waiting for a connection now. */
  readonly dbInFlight: Gauge<'database'>;
  /** Open server-sent event streams (the live dashboard), on this instance. */
  readonly eventStreamClients: Gauge;
}

/** Upper bounds in seconds: a cached survey answers in ~1 ms, a batch of 100 in ~100 ms, stats up to seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A fresh registry with the process's default metrics (CPU, memory, event loop lag, GC) and ours. */
export function createCollectorMetrics(): CollectorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'storevoice_http_request_duration_seconds',
      help: 'Time from request to response, by method, route pattern (not raw path) and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    rateLimited: new Counter({ name: 'storevoice_http_rate_limited_total', help: 'Requests answered 429 Too Many Requests, by route pattern', labelNames: ['route'], registers }),
    ingestSubmissions: new Counter({
      name: 'storevoice_ingest_submissions_total',
      help: 'Submissions received on POST /v1/submissions, by outcome: accepted (stored now) or duplicate (already stored)',
      labelNames: ['outcome'],
      registers,
    }),
    ingestRejected: new Counter({
      name: 'storevoice_ingest_rejected_requests_total',
      help: 'Ingest requests refused, by the error code of the answer (invalid_submission, unauthorized, payload_too_large, rate_limited…)',
      labelNames: ['reason'],
      registers,
    }),
    webhookAttempts: new Counter({
      name: 'storevoice_webhook_attempts_total',
      help: 'Webhook delivery attempts made by this instance, by outcome: succeeded, retrying (failed, will retry) or failed (for good)',
      labelNames: ['outcome'],
      registers,
    }),
    dbDuration: new Histogram({
      name: 'storevoice_db_query_duration_seconds',
      help: 'Time of each database statement or transaction, waiting for a pool connection included',
      labelNames: ['database'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    dbInFlight: new Gauge({ name: 'storevoice_db_queries_in_flight', help: 'Database statements and transactions running or waiting for a pool connection', labelNames: ['database'], registers }),
    eventStreamClients: new Gauge({ name: 'storevoice_event_stream_clients', help: 'Open server-sent event streams (live dashboard) on this instance', registers }),
  };
}

const byCollector = new WeakMap<object, CollectorMetrics>();

/**
 * The metrics of one collector (its `AppContext`), made on first use: modules record into them
 * without the context carrying them, and a context made by a test gets a registry of its own.
 */
export function collectorMetrics(ctx: object): CollectorMetrics {
  let metrics = byCollector.get(ctx);
  if (!metrics) byCollector.set(ctx, (metrics = createCollectorMetrics()));
  return metrics;
}

/**
 * Counts one open event stream until the returned function is called (once; later calls do
 * nothing). For the live dashboard's server-sent events: call it when a stream opens, and the
 * returned function when it closes.
 */
export function countEventStreamClient(ctx: object): () => void {
  const gauge = collectorMetrics(ctx).eventStreamClients;
  gauge.inc();
  let open = true;
  return () => {
    if (open) gauge.dec();
    open = false;
  };
}
