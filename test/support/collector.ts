// Browser side of the test collector (test/support/collector-middleware.mjs) and of the network
// plugin (test/support/network-plugin.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/** What the test collector does with the next ingest request, instead of accepting it. */
export type Fault =
  /**
   * Answer with this status (and `body`, JSON or text; `retryAfter` sets the Retry-After header).
   * A 2xx is handled normally (stored), so `{ status: 202 }` lets one request through.
   */
  | { readonly status: number; readonly body?: unknown; readonly retryAfter?: string }
  /**
   * Wait, then handle the request normally (it is stored: a timed-out request may still arrive),
   * or answer `thenStatus`.
   */
  | { readonly hangMs: number; readonly thenStatus?: number; readonly body?: unknown; readonly retryAfter?: string }
  /** Destroy the socket: the browser sees a network error; nothing is stored. */
  | { readonly reset: true };

/** How a recorded request was treated besides normal handling. */
export type FaultKind = 'status' | 'hang' | 'reset' | 'down' | 'failRate';

/** One ingest request as the collector saw it. */
export interface CollectorRequest {
  /** Server time (ms since epoch) when the body had been read. */
  readonly at: number;
  /** Server time of the answer; `null` while hanging. For a reset, when the socket was destroyed. */
  readonly answeredAt: number | null;
  readonly method: string;
  /** The query string without `?`, e.g. `key=pk_test`. */
  readonly query: string;
  readonly contentType: string | null;
  readonly authorization: string | null;
  readonly idempotencyKey: string | null;
  readonly bytes: number;
  /** Submission ids found in the body, in body order. */
  readonly ids: readonly string[];
  /** The parsed JSON body, `null` when missing, invalid or over 64 KB. */
  readonly body: unknown;
  /** The status answered; `null` while hanging or when the connection was reset. */
  readonly status: number | null;
  readonly fault: FaultKind | null;
}

export interface CollectorState {
  readonly requests: readonly CollectorRequest[];
  /** Stored submission ids, each once, in arrival order. */
  readonly stored: readonly string[];
  readonly storedCount: number;
  /** How many submissions arrived again after having been stored. */
  readonly duplicates: number;
}

export interface TestCollector {
  readonly name: string;
  /** Absolute base URL, like a real `endpoint`: `http://host:port/collector/<name>/v1`. */
  readonly endpoint: string;
  /** `endpoint + '/submissions'`. */
  readonly submissionsUrl: string;
  /** Forget everything: requests, stored ids, faults, fail rate, down flag, key. */
  reset(): Promise<void>;
  /** Queue faults, consumed one per ingest request, first in first out. */
  fail(...faults: Fault[]): Promise<void>;
  /** Fail this share of requests (500, 503, 429 with Retry-After 1, or reset) by a seeded PRNG. */
  failRate(rate: number, seed?: number): Promise<void>;
  /** While down, answer 503 to every ingest request (queued faults are kept). */
  down(flag: boolean): Promise<void>;
  /** Require `Authorization: Bearer <key>` or `?key=<key>`; an empty key removes the requirement. */
  requireKey(key: string): Promise<void>;
  /** Serve this definition at `GET {endpoint}/surveys/:id`. */
  serveSurvey(survey: { readonly id: string; readonly [field: string]: unknown }): Promise<void>;
  state(): Promise<CollectorState>;
}

let counter = 0;

/**
 * A fresh, isolated collector on the test server.
 * @param name reuse a name to share a collector between helpers; it is reset either way
 * @example
 * const collector = await testCollector();
 * await collector.fail({ status: 503, retryAfter: '1' });
 * await http(collector.endpoint).send([submission()], new AbortController().signal);
 * expect((await collector.state()).storedCount).to.equal(1);
 */
export async function testCollector(name?: string): Promise<TestCollector> {
  const id = name ?? `c${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const base = new URL(`/collector/${encodeURIComponent(id)}/`, location.origin).href;
  const endpoint = `${base}v1`;

  const control = async (command: Record<string, unknown>): Promise<void> => {
    const res = await fetch(`${base}__control`, { method: 'POST', body: JSON.stringify(command), cache: 'no-store' });
    if (!res.ok) throw new Error(`test collector control ${JSON.stringify(command)}: HTTP ${res.status} ${await res.text()}`);
  };

  const collector: TestCollector = {
    name: id,
    endpoint,
    submissionsUrl: `${endpoint}/submissions`,
    reset: () => control({ action: 'reset' }),
    fail: (...faults) => control({ action: 'faults', faults }),
    failRate: (rate, seed = 1) => control({ action: 'failRate', rate, seed }),
    down: (flag) => control({ action: 'down', down: flag }),
    requireKey: (key) => control({ action: 'key', key }),
    serveSurvey: (survey) => control({ action: 'survey', survey }),
    async state() {
      const res = await fetch(`${base}__state`, { cache: 'no-store' });
      if (!res.ok) throw new Error(`test collector state: HTTP ${res.status}`);
      return (await res.json()) as CollectorState;
    },
  };
  await collector.reset();
  return collector;
}

type SetOfflineBinding = (offline: boolean) => Promise<boolean>;

/**
 * Cut (or restore) the browser's network for real: fetch fails, `navigator.onLine` changes and
 * 'offline'/'online' fire. Needs `networkPlugin()` in the web-test-runner config.
 * @example
 * await setOffline(true);
 * try { ... } finally { await setOffline(false); }
 */
export async function setOffline(offline: boolean): Promise<void> {
  const page = globalThis as { __storevoiceSetOffline?: SetOfflineBinding };
  // Offline emulation stalls WTR's web socket, so server commands only work while online. The
  // first (harmless) command installs a page binding that works either way; see network-plugin.mjs.
  if (!page.__storevoiceSetOffline) await executeServerCommand<boolean, { offline: boolean }>('set-offline', { offline: false });
  const binding = page.__storevoiceSetOffline;
  if (!binding) throw new Error('setOffline: networkPlugin() did not install its page binding');
  await binding(offline);
  await waitFor(() => navigator.onLine === !offline, { message: `navigator.onLine === ${!offline}` });
}

/**
 * Make requests to URLs matching the Playwright glob `url` fail (or work again), in the test page and
 * its frames, as a file missing from a CDN or an ad blocker would; with `times`, only that many.
 * Needs `networkPlugin()`.
 * @example
 * await blockRequests('**\/dist/delivery.js', true);
 * try { ... } finally { await blockRequests('**\/dist/delivery.js', false); }
 */
export async function blockRequests(url: string, blocked: boolean, times?: number): Promise<void> {
  await executeServerCommand<boolean, { url: string; blocked: boolean; times?: number }>('block-requests', { url, blocked, ...(times && { times }) });
}

/**
 * Poll until `predicate` returns a truthy value, and return it; reject after `timeout` ms.
 * @example
 * const state = await waitFor(async () => { const s = await collector.state(); return s.storedCount === 2 && s; });
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  { timeout = 5000, interval = 25, message = 'condition' }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await predicate();
    if (value) return value as Exclude<T, false | 0 | '' | null | undefined>;
    if (Date.now() > deadline) throw new Error(`waitFor: ${message} not met within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
