import type { Client, ClientCore, ContextUpdate, SubmitMoment, SubmitResult } from '../../sdk/client.js';
import { mergeContext } from '../../sdk/context/merge.js';
import { StoreVoiceError } from '../../sdk/errors.js';
import type { ClientEventMap, ClientEventName } from '../../sdk/events.js';
import { Emitter } from '../../sdk/internal/emitter.js';
import { uuidv7 } from '../../sdk/internal/uuid.js';
import type { ContextInput } from '../../sdk/schema/context.js';
import type { ClientOptions } from '../../sdk/schema/options.js';
import type { Submission, SubmitInput } from '../../sdk/schema/submission.js';
import type { HttpOptions } from '../../sdk/transport/http.js';
import type { Transport } from '../../sdk/transport/types.js';
import { loadDelivery, retryDeliveryNow } from './load-script.js';

const EVENTS: readonly ClientEventName[] = ['queued', 'sent', 'retry', 'failed', 'dropped'];
/** Marks an `http()` destination made before delivery.js loaded; the real one replaces it then. */
const HTTP_ARGS = Symbol();

type DeferredHttp = Transport & { [HTTP_ARGS]: [string, HttpOptions | undefined] };

/**
 * The script tag's `http()`: the arguments of the SDK's `http()`, which {@link createDeferredClient}
 * calls once delivery.js has loaded. Used anywhere else, it sends through a real one made then.
 */
export function deferredHttp(endpoint: string, options?: HttpOptions): Transport {
  const transport: DeferredHttp = {
    [HTTP_ARGS]: [endpoint, options],
    send: (batch, signal) => loadDelivery().then(({ http }) => http(endpoint, options).send(batch, signal)),
  };
  return transport;
}

/**
 * The script tag's `createClient()`: a {@link Client} at once, whose SDK client is made when
 * `delivery.js` has loaded (it starts loading now). Until then it keeps what it is told: context
 * updates, listeners, and submissions, each with its id, time, page and context of the moment it
 * was made. `submit()` waits for delivery.js like the SDK waits for a destination (up to
 * `submitTimeoutMs`); past that, it answers `queued` with `durable: false` (the submission is held
 * in memory, not yet in the outbox), and hands the submission to the SDK client as soon as the code
 * arrives, the same way a network failure is retried. Options are validated then too: an invalid
 * one rejects `submit()`.
 */
export function createDeferredClient(options: ClientOptions): Client {
  const events = new Emitter<ClientEventMap>();
  const timeout = options?.submitTimeoutMs ?? 10_000;
  let context: ContextInput = options?.context ?? {};
  const updates: ContextUpdate[] = [];
  const held: [SubmitInput, SubmitMoment][] = [];
  let core: ClientCore | undefined;
  let destroyed = false;

  const ready = loadDelivery().then(({ createClientCore, http }) => {
    const destinations = options?.destinations && Object.fromEntries(
      Object.entries(options.destinations).map(([name, d]) => {
        const args = (d as Partial<DeferredHttp> | undefined)?.[HTTP_ARGS];
        return [name, args ? http(...args) : d];
      }),
    );
    const made = createClientCore({ ...options, ...(destinations && { destinations }) });
    for (const update of updates) {
      try {
        made.client.setContext(update);
      } catch (error) {
        console.error('[storevoice]', error); // the SDK would have thrown at setContext()
      }
    }
    for (const type of EVENTS) made.client.on(type, (event) => events.emit(type, event as never));
    core = made;
    // Held submissions go in now; one the SDK refuses (invalid) is reported lost, as the SDK reports.
    const handed = held.splice(0).map(([input, moment]) => made.submitAt(input, moment).catch((error: Error) => made.lost(draft(input, moment), error.message)));
    if (destroyed) void Promise.all(handed).then(() => made.client.destroy());
    return made;
  });
  ready.catch((error: unknown) => console.error('[storevoice] createClient:', error));

  /** `ready`, unless it takes longer than `submitTimeoutMs`: then `undefined`. */
  const readyWithin = (): Promise<ClientCore | undefined> => {
    let timer: number | undefined;
    return Promise.race([ready, new Promise<undefined>((resolve) => (timer = window.setTimeout(resolve, timeout)))]).finally(() => clearTimeout(timer));
  };
  const alive = (): void => {
    if (destroyed) throw new StoreVoiceError('This StoreVoice client was destroyed.');
  };

  return {
    setContext(partial) {
      if (core) return core.client.setContext(partial);
      updates.push(partial);
      context = mergeContext(context, partial as ContextInput);
    },
    getContext: () => (core ? core.client.getContext() : structuredClone(context)),
    async submit(input): Promise<SubmitResult> {
      alive();
      if (core) return core.client.submit(input);
      const moment: SubmitMoment = { id: uuidv7(), at: Date.now(), href: globalThis.location?.href, context };
      const loaded = (await readyWithin()) ?? core; // core: loaded just as the wait ended
      if (loaded) return loaded.submitAt(input, moment);
      held.push([input, moment]);
      return { id: moment.id, status: 'queued', durable: false, destinations: {}, submission: draft(input, moment) };
    },
    on: (type, listener) => events.on(type, listener),
    off: (type, listener) => events.off(type, listener),
    async flush() {
      alive();
      retryDeliveryNow();
      const loaded = (await readyWithin()) ?? core;
      return loaded ? loaded.client.flush() : { sent: 0, retrying: held.length, failed: 0, pending: held.length };
    },
    async pending() {
      alive();
      return core
        ? core.client.pending()
        : held.map(([input, moment]) => ({ id: moment.id, surveyId: input.surveyId, queuedAt: moment.at, durable: false, destinations: {} }));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      events.clear();
      // Before delivery.js is in, held submissions still go to the outbox once it is (see `ready`).
      core?.client.destroy();
    },
  };
}

/** A held submission as given, before the SDK has validated it (and before `beforeSend`). */
function draft({ context, ...input }: SubmitInput, moment: SubmitMoment): Submission {
  return { ...input, id: moment.id, schemaVersion: 1, createdAt: new Date(moment.at).toISOString(), context: { channel: 'web', ...mergeContext(moment.context, context) } } as Submission;
}
