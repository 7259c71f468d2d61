import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Client, ClientEventName } from '../../sdk/index.js';
import type { KioskMessages } from '../i18n/messages.js';

// Every event after which the outbox may hold a different number of submissions.
const OUTBOX_EVENTS: readonly ClientEventName[] = ['queued', 'sent', 'retry', 'failed', 'dropped'];

/**
 * What staff need to know about delivery: is the device offline, how many submissions wait in
 * the outbox (`client.pending()`), and when did one last reach a destination (for the heartbeat).
 * Delivery itself is the SDK outbox's job; this only watches it.
 */
export class OfflineController implements ReactiveController {
  online = typeof navigator === 'undefined' || navigator.onLine !== false;
  queued = 0;
  /** Wall-clock time (epoch ms) of the last acknowledged delivery seen by this page. */
  lastSentAt: number | undefined;
  private client: Client | undefined;
  private unsubscribe: (() => void)[] = [];
  private counting = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getClient: () => Client | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
    this.watch(undefined);
  }

  /** The client appears once `endpoint` is set, and changes with it: follow it. */
  hostUpdated(): void {
    const client = this.getClient();
    if (client !== this.client) this.watch(client);
  }

  private watch(client: Client | undefined): void {
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
    this.client = client;
    if (!client) return;
    this.unsubscribe = OUTBOX_EVENTS.map((type) => client.on(type, () => void this.count()));
    this.unsubscribe.push(client.on('sent', () => (this.lastSentAt = Date.now())));
    void this.count();
  }

  private readonly onNetwork = (): void => {
    this.online = navigator.onLine !== false;
    this.host.requestUpdate();
    void this.count();
  };

  /** Re-reads the queue length; of overlapping counts only the latest one is kept. */
  private async count(): Promise<void> {
    const client = this.client;
    const ticket = ++this.counting;
    try {
      const queued = client ? (await client.pending()).length : 0;
      if (ticket !== this.counting || queued === this.queued) return;
      this.queued = queued;
      this.host.requestUpdate();
    } catch {
      // A destroyed client (the endpoint changed): the next one reports.
    }
  }
}

/** The corner badge: nothing while online with an empty queue; "Offline · 3 queued" otherwise. */
export function offlineIndicator(state: OfflineController, messages: KioskMessages): TemplateResult | typeof nothing {
  if (state.online && state.queued === 0) return nothing;
  const text = [state.online ? '' : messages.offline, state.queued > 0 ? messages.queued(state.queued) : ''].filter(Boolean).join(' · ');
  return html`<div part="offline-indicator" class="offline-indicator" data-offline=${state.online ? 'false' : 'true'}>${text}</div>`;
}
