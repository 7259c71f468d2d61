import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Timer, type Scheduler } from './scheduler.js';

/** What a heartbeat says; `at` and `lastSentAt` are ISO 8601 times. */
export interface HeartbeatPayload {
  readonly device: string | null;
  readonly store: string | null;
  /** Submissions waiting in the outbox. */
  readonly queueLength: number;
  /** The last delivery this page saw acknowledged, or `null`. */
  readonly lastSentAt: string | null;
  readonly version: string;
  readonly at: string;
}

export interface HeartbeatOptions {
  /** The URL to POST to, or `undefined` while heartbeats are off; read at every beat. */
  readonly url: () => string | undefined;
  /** Milliseconds between beats. */
  readonly interval: () => number;
  readonly payload: () => HeartbeatPayload;
  readonly clock: Scheduler;
}

/** Replaced with package.json's version by the build (rollup.config.mjs). */
declare const __STOREVOICE_VERSION__: string;
export const version = typeof __STOREVOICE_VERSION__ === 'string' ? __STOREVOICE_VERSION__ : 'dev';

/** The fewest milliseconds between beats: a typo (`heartbeat-interval="60"`) must not flood the monitor. */
const MIN_INTERVAL = 5000;

/**
 * A long-running kiosk says it is alive: one small JSON POST on start and then every interval.
 * Sent as `text/plain` so a monitor on another origin needs no CORS preflight. Failures (offline,
 * a monitor that is down) are ignored: a heartbeat that does not arrive *is* the signal.
 */
export class HeartbeatController implements ReactiveController {
  private readonly timer: Timer;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: HeartbeatOptions,
  ) {
    this.timer = new Timer(options.clock);
    host.addController(this);
  }

  hostConnected(): void {
    this.beat();
  }

  hostDisconnected(): void {
    this.timer.clear();
  }

  private beat(): void {
    const url = this.options.url();
    if (url) void send(url, this.options.payload());
    // Keep ticking while off, so setting the attribute later starts the beats without a restart.
    const interval = this.options.interval();
    this.timer.set(Number.isFinite(interval) ? Math.max(MIN_INTERVAL, interval) : 60_000, () => this.beat());
  }
}

async function send(url: string, payload: HeartbeatPayload): Promise<void> {
  try {
    await fetch(new URL(url, document.baseURI), {
      method: 'POST',
      body: JSON.stringify(payload),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      credentials: 'omit',
      keepalive: true,
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    // Never thrown: the monitor notices the silence.
  }
}
