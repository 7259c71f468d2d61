import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Client, ContextInput, SurveyDefinition } from '../../sdk/index.js';
import { preloadDelivery } from '../delivery/client.js';
import { nextTask } from '../internal/next-task.js';
import { loadKiosk } from '../kiosk/load.js';
import type { KioskMode } from '../kiosk/types.js';
import { questionStyles } from '../questions/registry.js';
import { componentStyles } from '../styles/component.styles.js';
import { tokens } from '../styles/tokens.js';
import { contextOf } from './context.js';
import { emit } from './events.js';
import { focusQuestion } from './focus.js';
import { dismissedAt, rememberDismissal } from './dismissal.js';
import { LocaleController } from './locale-controller.js';
import { SurveyFlowController } from './survey-flow-controller.js';
import { surveyView } from './survey-view.js';
import { widgetStyles } from './widget.styles.js';

/**
 * A feedback survey that submits through the StoreVoice SDK: inline on a page, behind a
 * floating launcher button that opens a dialog, or full screen on an unattended kiosk tablet
 * (`mode="kiosk"`; its code loads on demand, see docs/kiosk.md).
 *
 * @summary Customer feedback: smileys, stars, NPS, CSAT, choices, free text, staff, consent.
 * @tagname storevoice-widget
 *
 * @event {CustomEvent<Record<string, never>>} storevoice-open - The launcher dialog opened (launcher mode only).
 * @event {CustomEvent<{ submitted: boolean }>} storevoice-close - The launcher dialog closed; `detail.submitted` is true when it closed on the outcome screen.
 * @event {CustomEvent<{ questionId: string; answer: Answer | undefined }>} storevoice-answer - An answer changed; `answer` is undefined once cleared.
 * @event {CustomEvent<{ answers: readonly Answer[] }>} storevoice-submit - The shopper sent the survey; fired before the SDK is called.
 * @event {CustomEvent<{ result: SubmitResult }>} storevoice-queued - Saved on the device; it will be delivered later (offline, server trouble).
 * @event {CustomEvent<{ result: SubmitResult }>} storevoice-sent - Delivered to every destination.
 * @event {CustomEvent<{ code: 'config' | 'survey' | 'rejected'; message: string; result?: SubmitResult }>} storevoice-error - Bad configuration, an unloadable survey, or a refused submission.
 *
 * @csspart launcher - The floating button of launcher mode; it has the `button` part too.
 * @csspart dialog - The modal `<dialog>` of launcher mode.
 * @csspart panel - The survey card (both modes), and the inline "unavailable" message.
 * @csspart title - The survey title.
 * @csspart progress - "Question 2 of 5" (steps display, more than one visible question).
 * @csspart button - Every button of the widget's own: launcher, close, Back, Next, Send, Try again.
 * @csspart primary - The main action button: Next, Send, Try again.
 * @csspart prompt - A question's prompt.
 * @csspart description - A question's description, when it has one.
 * @csspart radio - One score of a smiley, stars, NPS or CSAT question (a `role="radio"` button).
 * @csspart option - One option of a choice, consent or staff question (a label around a native input).
 * @csspart error - A question's validation message (empty while the answer is valid).
 * @csspart status - The outcome: thank-you, saved-for-later, or could-not-be-sent message.
 * @csspart kiosk - Kiosk mode: the full-screen surface (it has the `panel` part too).
 * @csspart language - Kiosk mode: one language button on the attract screen.
 * @csspart offline-indicator - Kiosk mode: the staff's corner badge, "Offline · 3 queued".
 * @csspart admin-hotspot - Kiosk mode: the staff corner (top left, 48px, invisible until focused); holding it for 3 seconds (touch, or Enter/Space) opens the admin screen.
 * @csspart admin - Kiosk mode: the admin screen, a full-screen modal `<dialog>` (PIN pad, then the settings form). English only.
 * @csspart admin-key - Kiosk mode: one digit key of the admin PIN pad.
 * @csspart provision-error - Kiosk mode: the staff notice that a provisioning link was refused (nothing was applied).
 *
 * @attribute {boolean} provision - Kiosk mode: apply a provisioning link in the page's address (`?store=042&device=exit-1&pin=…`, see docs/kiosk.md) and remove it from the address bar. Off when absent.
 *
 * @cssprop [--storevoice-font=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font family of all widget text.
 * @cssprop [--storevoice-font-size=16px] - Base font size; px, so a page's `html { font-size }` does not reach in.
 * @cssprop [--storevoice-radius=12px] - Corner radius of cards, buttons and inputs.
 * @cssprop [--storevoice-space=16px] - Base spacing unit; paddings and gaps are multiples of it.
 * @cssprop [--storevoice-target-size=44px] - Minimum size of every hit target.
 * @cssprop [--storevoice-kiosk-target-size=72px] - Minimum size of the widget's own buttons in kiosk mode.
 * @cssprop [--storevoice-kiosk-font-size=calc(var(--storevoice-font-size, 16px) * 1.25)] - Base font size in kiosk mode (20px by default).
 * @cssprop [--storevoice-color-accent=#0b5cad] - Primary buttons, selected answers, links.
 * @cssprop [--storevoice-color-on-accent=#ffffff] - Text and icons drawn on the accent colour.
 * @cssprop [--storevoice-color-text=#1b1f24] - Body text.
 * @cssprop [--storevoice-color-muted=#4d5663] - Secondary text: hints, scale labels, counters.
 * @cssprop [--storevoice-color-surface=#ffffff] - Background of the widget.
 * @cssprop [--storevoice-color-surface-alt=#f1f3f6] - Background of unselected options and inputs.
 * @cssprop [--storevoice-color-border=#8a94a3] - Borders of inputs and options.
 * @cssprop [--storevoice-color-danger=#b3261e] - Validation and error messages.
 * @cssprop [--storevoice-color-focus=#0b5cad] - Keyboard focus ring.
 * @cssprop [--storevoice-dark-color-accent=#8ab4f8] - `--storevoice-color-accent` in the dark theme.
 * @cssprop [--storevoice-dark-color-on-accent=#0b1b33] - `--storevoice-color-on-accent` in the dark theme.
 * @cssprop [--storevoice-dark-color-text=#e8eaed] - `--storevoice-color-text` in the dark theme.
 * @cssprop [--storevoice-dark-color-muted=#9ea8b5] - `--storevoice-color-muted` in the dark theme.
 * @cssprop [--storevoice-dark-color-surface=#15181c] - `--storevoice-color-surface` in the dark theme.
 * @cssprop [--storevoice-dark-color-surface-alt=#22272e] - `--storevoice-color-surface-alt` in the dark theme.
 * @cssprop [--storevoice-dark-color-border=#6b7585] - `--storevoice-color-border` in the dark theme.
 * @cssprop [--storevoice-dark-color-danger=#f28b82] - `--storevoice-color-danger` in the dark theme.
 * @cssprop [--storevoice-dark-color-focus=#8ab4f8] - `--storevoice-color-focus` in the dark theme.
 * @cssprop [--storevoice-smiley-color-1=#d93025] - Tint of the unhappiest smiley face (each face also differs by shape and label, never by colour alone).
 * @cssprop [--storevoice-smiley-color-2=#f07c1f] - Tint of the second smiley face.
 * @cssprop [--storevoice-smiley-color-3=#f2c12e] - Tint of the middle smiley face.
 * @cssprop [--storevoice-smiley-color-4=#7cb342] - Tint of the fourth smiley face.
 * @cssprop [--storevoice-smiley-color-5=#1e8e3e] - Tint of the happiest smiley face.
 * @cssprop [--storevoice-z-index=2147483000] - Stacking order of the launcher button.
 * @cssprop [--storevoice-launcher-offset=20px] - Distance of the launcher button from the corners of the viewport.
 */
export class StoreVoiceWidget extends LitElement {
  static override styles = [tokens, componentStyles, widgetStyles, ...questionStyles];

  static override properties = {
    endpoint: {},
    survey: {},
    mode: { reflect: true },
    brand: {},
    region: {},
    store: {},
    staff: {},
    device: {},
    locale: {},
    theme: { reflect: true },
    key: {},
    position: { reflect: true },
    resetDelay: { attribute: 'reset-delay', type: Number },
    idleTimeout: { attribute: 'idle-timeout', type: Number },
    minInterval: { attribute: 'min-interval', type: Number },
    idleAction: { attribute: 'idle-action' },
    managerHelp: { attribute: 'manager-help' },
    heartbeat: {},
    heartbeatInterval: { attribute: 'heartbeat-interval', type: Number },
    languages: {},
    contrast: {},
    textScale: { attribute: 'text-scale', type: Number },
    client: { attribute: false },
    context: { attribute: false },
  };

  /** The collector's base URL, e.g. `https://feedback.example.com/v1`; a relative URL is resolved against the page. */
  declare endpoint: string | undefined;
  /** A survey id (fetched from `{endpoint}/surveys/:id`) or an inline JSON definition (attribute), or a definition object (property). */
  declare survey: string | SurveyDefinition | undefined;
  /** `inline` renders in place; `launcher` shows a floating button that opens a dialog; `kiosk` runs the full-screen customer loop of an unattended tablet. @default "inline" */
  declare mode: 'inline' | 'launcher' | 'kiosk' | undefined;
  /** Brand id, sent as `context.brand`. */
  declare brand: string | undefined;
  /** Region id, sent as `context.region`. */
  declare region: string | undefined;
  /** Store id, sent as `context.store`. */
  declare store: string | undefined;
  /** One staff id or several, comma-separated, sent as `context.staff`; a staff question's answer (other than "Not sure") replaces them. */
  declare staff: string | undefined;
  /** Device id (a kiosk, a till), sent as `context.device`. */
  declare device: string | undefined;
  /** A language tag, or `auto` to follow the browser. @default "auto" */
  declare locale: string;
  /** `light`, `dark`, or `auto` to follow `prefers-color-scheme`. @default "light" */
  declare theme: 'light' | 'dark' | 'auto' | undefined;
  /** The brand's public write key. */
  declare key: string | undefined;
  /** Corner of the launcher button. @default "bottom-right" */
  declare position: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | undefined;
  /** Kiosk: how long the thank-you screen stays before the attract screen comes back, in ms. @default 5000 */
  declare resetDelay: number;
  /** Kiosk: a survey left untouched this long is ended (see `idle-action`) and the screen reset, in ms. @default 30000 */
  declare idleTimeout: number;
  /** Kiosk: least time between two submissions, in ms; completions inside it are counted, not sent (see docs/kiosk.md). @default 3000 */
  declare minInterval: number;
  /** Kiosk: what an idle timeout does with a half-finished survey: `submit` what was answered (tagged `incomplete`), or `discard` it. @default "submit" */
  declare idleAction: 'submit' | 'discard' | undefined;
  /** Kiosk: after a bad score, offer "I'd like to speak to a manager now"; the value names the client's alert destination (empty: `alerts`). Off when absent. */
  declare managerHelp: string | undefined;
  /** Kiosk: a URL that gets a small JSON heartbeat (device, store, queue length, last send, version) every `heartbeat-interval` ms. Off when absent. */
  declare heartbeat: string | undefined;
  /** Kiosk: milliseconds between two heartbeats. @default 60000 */
  declare heartbeatInterval: number | undefined;
  /** Kiosk: languages the customer can pick on the attract screen, comma-separated tags (`en,fr,ar`); the `locale` stays the default. */
  declare languages: string | undefined;
  /** Kiosk: `high` switches to a high-contrast palette (white on black, yellow accents). @default "normal" */
  declare contrast: 'normal' | 'high' | undefined;
  /** Kiosk: text size multiplier, 1 to 2. @default 1 */
  declare textScale: number | undefined;
  /** An SDK client made by the host page; when absent the widget makes one from `endpoint` and `key`. */
  declare client: Client | undefined;
  /** More context for each submission (e.g. `tags`); the hierarchy attributes take precedence. */
  declare context: ContextInput | undefined;

  // One job each (docs/architecture.md, "The widget: one job per class"): the language, the
  // survey's flow, and the view that draws it; the element wires them to its attributes and opens
  // and closes launcher mode's dialog. Internals are `#private`, not TypeScript `private`: terser
  // shortens `#names` in the script tag, while a `private` member ships spelled out.
  readonly #locale = new LocaleController(this);
  readonly #flow = new SurveyFlowController(this, {
    context: (answers) => contextOf(this, answers, this.#locale.recorded),
    ready: () => this.#locale.load(),
  });
  readonly #view = surveyView(this.#flow, this.#locale, false);
  /** Launcher mode: whether the dialog is open. */
  #isOpen = false;
  /** Kiosk mode's controllers and screens, loaded on demand (retailer websites never download them). */
  #kiosk: KioskMode | undefined;
  #kioskLoading = false;

  constructor() {
    super();
    // mode, theme and position have no default value here: a reflected default would write
    // attributes onto a server-rendered element before hydration (a mismatch for React, Vue…).
    this.locale = 'auto';
    this.resetDelay = 5000;
    this.idleTimeout = 30000;
    this.minInterval = 3000;
  }

  protected override willUpdate(): void {
    if (this.mode !== 'kiosk') {
      this.#kiosk?.destroy();
      this.#kiosk = undefined;
    } else if (!this.#kiosk && !this.#kioskLoading) void this.#startKiosk();
  }

  /** Loads kiosk mode's code (a separate chunk, or `kiosk.js` beside the script tag) and hands it the controllers. */
  async #startKiosk(): Promise<void> {
    this.#kioskLoading = true;
    preloadDelivery(); // a kiosk submits all day: its delivery code loads together with kiosk mode
    try {
      const { createKiosk } = await loadKiosk();
      // Unless the mode changed meanwhile (it starts again when it comes back).
      if (this.mode === 'kiosk') {
        this.#kiosk = createKiosk(this, { flow: this.#flow, locale: this.#locale, view: surveyView(this.#flow, this.#locale, true) });
        this.requestUpdate();
      }
    } catch (error) {
      // Offline before kiosk.js was ever cached: the next update tries again.
      console.error('[storevoice] <storevoice-widget>: kiosk mode could not load', error);
    }
    this.#kioskLoading = false;
  }

  /** Clears every answer and goes back to the first question; a kiosk also goes back to its attract screen and language. */
  reset(): void {
    if (this.#kiosk) this.#kiosk.reset();
    else this.#flow.restart();
  }

  /** Opens the dialog (launcher mode) and moves focus into it. */
  async open(): Promise<void> {
    // Nothing to show when the survey could not be loaded (the console says why).
    if (this.mode !== 'launcher' || this.#isOpen || this.#flow.state.phase === 'unavailable') return;
    this.#isOpen = true;
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    // showModal() focuses the dialog's first control, the close button; the question's is more useful.
    if (dialog && !dialog.open) dialog.showModal();
    // Opened while the survey is still loading (fetched, or its schemas being built in tasks of
    // their own): focus goes to its first question once it is shown.
    if (this.#flow.state.phase === 'loading') {
      await this.#flow.loaded;
      await this.updateComplete;
      if (!this.#isOpen) return;
    }
    focusQuestion(this.renderRoot);
    emit(this, 'storevoice-open', {});
  }

  /** Closes the dialog and gives focus back to the launcher button. */
  close(): void {
    if (!this.#isOpen) return;
    const { phase, result } = this.#flow.state;
    // Given: delivered or saved. A refused submission keeps its "Try again" for the next open.
    const submitted = phase === 'done' && result !== undefined && result.status !== 'failed';
    this.#isOpen = false;
    this.requestUpdate();
    this.renderRoot.querySelector('dialog')?.close();
    // Closing without answering is remembered, so a page that opens the survey by itself does not nag.
    if (!submitted) rememberDismissal(this.#flow.state.definition?.id);
    this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
    emit(this, 'storevoice-close', { submitted });
    if (submitted) this.#flow.restart();
  }

  /** When the shopper last closed this survey without answering (epoch ms), if ever. */
  get dismissedAt(): number | undefined {
    return dismissedAt(this.#flow.state.definition?.id);
  }

  /**
   * The first render comes in a task after the one that connected the element: attaching the
   * shadow root, parsing the adopted styles, starting the survey request and rendering in one task
   * would be one long task on a slow phone (docs/architecture.md, "What the script tag carries").
   * The survey request still starts now, when the first update would have started it.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    this.#flow.loadIfChanged();
    return nextTask().then(() => super.scheduleUpdate());
  }

  /**
   * A kiosk runs unattended for days: an error while committing a render (the kiosk catches its own
   * render errors) resets it to the attract screen instead of leaving it broken.
   */
  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (error) {
      if (!this.#kiosk) throw error;
      this.#kiosk.recover(error);
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const { phase } = this.#flow.state;
    const locale = this.#locale;
    if (this.mode === 'kiosk' && phase !== 'unavailable') {
      return this.#kiosk ? this.#kiosk.render() : html`<p class="loading" role="status">…</p>`;
    }
    if (phase === 'unavailable') {
      return this.mode === 'launcher' ? nothing : html`<div part="panel" class="panel unavailable" role="status">${locale.messages.unavailable}</div>`;
    }
    // A launcher label in the wrong language for a moment is worse than a button a moment later.
    if (this.mode === 'launcher' && !locale.ready && phase === 'loading') return nothing;
    const messages = locale.messages;
    if (this.mode !== 'launcher') return html`<div part="panel" class="panel" dir=${messages.dir} lang=${locale.code}>${this.#view.body()}</div>`;
    return html`
      <button part="launcher button" class="launcher" aria-haspopup="dialog" aria-expanded=${this.#isOpen ? 'true' : 'false'} @click=${() => void this.open()}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16v12H8l-4 4z" /></svg>
        <span>${messages.openFeedback}</span>
      </button>
      <dialog
        part="dialog"
        aria-labelledby="sv-title"
        dir=${messages.dir}
        lang=${locale.code}
        @click=${(event: MouseEvent) => event.target === event.currentTarget && this.close() /* the backdrop: outside the dialog's content */}
        @cancel=${(event: Event) => (event.preventDefault(), this.close()) /* our own close(), so focus and events stay consistent */}
      >
        <div part="panel" class="panel">
          <button part="button" class="close" aria-label=${messages.close} @click=${() => this.close()}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" /></svg>
          </button>
          ${this.#isOpen ? this.#view.body() : nothing}
        </div>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'storevoice-widget': StoreVoiceWidget;
  }
}
