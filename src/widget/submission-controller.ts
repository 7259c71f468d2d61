import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createClient, type Client, type ContextInput, type SubmitInput, type SubmitResult } from '../../sdk/index.js';

/** Said when there is nowhere to send feedback, when the survey loads and again at submit time. */
export const NO_ENDPOINT = 'the endpoint attribute is missing (or set the client property)';

/** What the controller needs from its element. */
export interface SubmissionHost extends ReactiveControllerHost {
  /** A client the host page made itself, if any. */
  client?: Client;
  endpoint?: string;
  key?: string;
}

/**
 * The widget's only way to the network: it submits through an SDK client, either the one the
 * host page gave (`widget.client = createClient(...)`) or one it creates from the `endpoint` and
 * `key` attributes. It owns (and destroys) only the client it created.
 */
export class SubmissionController implements ReactiveController {
  private owned: { client: Client; endpoint: string; key: string | undefined } | undefined;

  constructor(private readonly host: SubmissionHost) {
    host.addController(this);
  }

  /** The client to submit through, or `undefined` when neither `client` nor `endpoint` is set. */
  get client(): Client | undefined {
    if (this.host.client) return this.host.client;
    const { endpoint, key } = this.host;
    if (!endpoint) return undefined;
    if (!this.owned || this.owned.endpoint !== endpoint || this.owned.key !== key) {
      this.owned?.client.destroy();
      // A relative endpoint ("/feedback/v1") is resolved against the page, as a link would be.
      const absolute = new URL(endpoint, document.baseURI).href;
      this.owned = { client: createClient({ endpoint: absolute, ...(key && { key }) }), endpoint, key };
    }
    return this.owned.client;
  }

  /**
   * Submits with the widget's context (from its attributes) layered over the client's own.
   * @throws when there is no client, or the input is invalid (a ValidationError)
   */
  submit(input: Omit<SubmitInput, 'context'>, context: ContextInput): Promise<SubmitResult> {
    const client = this.client;
    if (!client) throw new Error(NO_ENDPOINT);
    return client.submit({ ...input, context });
  }

  hostDisconnected(): void {
    this.owned?.client.destroy();
    this.owned = undefined;
  }
}
