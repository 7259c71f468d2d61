import { createClient, http, uuidv7, type Answer, type Client, type ClientOptions, type HttpOptions } from '../../../sdk/index.js';
import type { TestCollector } from '../../support/collector.js';

/** A fresh outbox per test, so no test sees another's queue. */
export const uniqueOutbox = () => `t-${uuidv7().slice(-12)}`;

/** Fast delivery settings for tests: short backoff, no in-request retries unless asked. */
export function fastHttp(collector: TestCollector, options: HttpOptions = {}) {
  return http(collector.endpoint, { batch: true, timeout: 1500, retry: { limit: 0 }, ...options });
}

export function clientFor(collector: TestCollector, options: Partial<ClientOptions> = {}): Client {
  return createClient({
    destinations: { main: fastHttp(collector) },
    outbox: { name: uniqueOutbox() },
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    submitTimeoutMs: 3000,
    ...options,
  });
}

export const smiley = (value: number, questionId = 'mood'): Answer => ({ questionId, type: 'smiley', value });
export const text = (value: string, questionId = 'why'): Answer => ({ questionId, type: 'text', value });

/** Collects a client's events in order, for assertions. */
export function recordEvents(client: Client) {
  const log: { type: string; id: string; destination?: string; reason?: string }[] = [];
  for (const type of ['queued', 'sent', 'retry', 'failed', 'dropped'] as const) {
    client.on(type, (e) => log.push({ type, id: e.id, ...('destination' in e && e.destination !== undefined && { destination: e.destination }), ...('reason' in e && { reason: e.reason }) }));
  }
  return log;
}
