import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { isOffline } from '../../sdk/internal/env.js';
import { validLocale } from '../../sdk/internal/locale.js';
import {
  localize,
  pruneAnswers,
  validateAnswer,
  visibleQuestions,
  type Answer,
  type AnswerCheck,
  type Client,
  type ContextInput,
  type LocalizedText,
  type Question,
  type SubmitResult,
  type SurveyDefinition,
  type Tags,
} from '../../sdk/index.js';
import { en } from '../i18n/en.js';
import { loadMessages, messagesFor, resolveLocale, type LocaleCode } from '../i18n/locales.js';
import type { Messages } from '../i18n/messages.js';
import { loadKiosk } from '../kiosk/load.js';
import type { KioskBridge, KioskMode } from '../kiosk/types.js';
import { questionStyles, viewFor } from '../questions/registry.js';
import { componentStyles } from '../styles/component.styles.js';
import { tokens } from '../styles/tokens.js';
import { emit } from './events.js';
import { errorText } from './error-text.js';
import { NO_ENDPOINT, SubmissionController } from './submission-controller.js';
import { loadSurvey } from './survey-loader.js';
import { widgetStyles } from './widget.styles.js';

type Phase = 'loading' | 'unavailable' | 'survey' | 'sending' | 'done';
const RATING_TYPES = new Set<Question['type']>(['smiley', 'stars', 'nps', 'csat']);
const DISMISSED_PREFIX = 'storevoice:dismissed:';

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
    phase: { state: true },
    definition: { state: true },
    answers: { state: true },
    currentId: { state: true },
    problems: { state: true },
    result: { state: true },
    isOpen: { state: true },
    shownLocale: { state: true },
    localeOverride: { state: true },
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

  declare private phase: Phase;
  declare private definition: SurveyDefinition | undefined;
  declare private answers: readonly Answer[];
  declare private currentId: string | undefined;
  declare private problems: ReadonlyMap<string, AnswerCheck>;
  declare private result: SubmitResult | undefined;
  declare private isOpen: boolean;
  /** The catalog on screen: the requested one once loaded (English until then, or the previous one). */
  declare private shownLocale: LocaleCode;
  /** Kiosk: the language this customer picked on the attract screen; cleared between customers. */
  declare private localeOverride: string | undefined;

  // Internals are `#private`, not TypeScript `private`: terser shortens `#names` in the script tag,
  // while a `private` member ships spelled out (for Lit's reactive state above, it must).
  readonly #submission = new SubmissionController(this);
  #loadToken = 0;
  #loadedSurvey: string | undefined;
  #lastError = '';
  /** Bumped by restart(): an answer that arrives for an earlier customer must not reach this one. */
  #sendSerial = 0;
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
    this.phase = 'loading';
    this.answers = [];
    this.problems = new Map();
    this.isOpen = false;
    this.shownLocale = 'en';
  }

  /** The `locale` attribute, unless a kiosk customer picked another language. */
  get #activeLocale(): string {
    return this.localeOverride ?? this.locale;
  }

  get #messages(): Messages {
    return messagesFor(this.shownLocale) ?? en;
  }

  /** Whether the requested language is on screen (its catalog may still be loading). */
  get #localeReady(): boolean {
    return resolveLocale(this.#activeLocale) === this.shownLocale;
  }

  /** Loads the requested catalog, then shows it; the current one stays until then (no flash). */
  async #showLocale(): Promise<void> {
    const code = resolveLocale(this.#activeLocale);
    await loadMessages(code);
    if (resolveLocale(this.#activeLocale) === code && messagesFor(code)) this.shownLocale = code;
  }

  /** The language tag asked for, as written (`pt_BR` → `pt-BR`); `undefined` under `auto`. */
  get #explicitLocale(): string | undefined {
    const active = this.#activeLocale;
    return active && active.toLowerCase() !== 'auto' ? active.replace(/_/g, '-') : undefined;
  }

  /**
   * The shopper's language tag as asked for, or the browser's under `auto`; `undefined` when it is
   * not a valid tag. Survey texts are looked up with it (so an `it` or `en-GB` text in a survey is
   * found even without a UI catalog for it), and it is what submissions record.
   */
  get #requestedLocale(): string | undefined {
    return validLocale(this.#explicitLocale ?? globalThis.navigator?.language);
  }

  #text(value: LocalizedText | undefined): string {
    return localize(value, this.#requestedLocale ?? this.shownLocale);
  }

  /** The context this widget adds to a submission of `answers`: its `context` property, then its attributes. */
  #contextFor(answers: readonly Answer[]): ContextInput {
    // "Who helped you today?" names the staff member the feedback is about ("Not sure" is null).
    const picked = answers.find((a) => a.type === 'staff')?.value;
    const staff = typeof picked === 'string' ? [picked] : this.staff?.split(',').map((s) => s.trim()).filter(Boolean);
    return {
      ...this.context,
      // Otherwise the client's own channel (a host's client may say `app`), or the SDK's `web`.
      ...(this.mode === 'kiosk' && { channel: 'kiosk' as const }),
      // The shopper's own tag (en-GB), not the catalog it maps to (en); `auto` leaves it to the SDK.
      ...(this.#explicitLocale && this.#requestedLocale && { locale: this.#requestedLocale }),
      ...(this.brand && { brand: this.brand }),
      ...(this.region && { region: this.region }),
      ...(this.store && { store: this.store }),
      ...(this.device && { device: this.device }),
      ...(staff?.length && { staff }),
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('locale') || changed.has('localeOverride')) && !this.#localeReady) void this.#showLocale();
    if (this.mode !== 'kiosk') {
      this.#kiosk?.destroy();
      this.#kiosk = undefined;
    } else if (!this.#kiosk && !this.#kioskLoading) void this.#startKiosk();
    // A host framework may hand over an equal survey object on every render: only a real change reloads
    // (and so restarts the survey), never a new object with the same content.
    const survey = changed.has('survey') ? JSON.stringify(this.survey) : this.#loadedSurvey;
    if (survey !== this.#loadedSurvey || changed.has('endpoint') || changed.has('client')) {
      this.#loadedSurvey = survey;
      void this.#load();
    }
  }

  protected override firstUpdated(): void {
    // Never set at all (a typo in the attribute name, say): say so instead of loading forever.
    if (this.survey === undefined) void this.#load();
  }

  /** Loads the survey; a failure shows a calm "unavailable" state and one console message, never a loop. */
  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    if (this.survey === undefined || this.survey === '') {
      this.#fail('config', 'the survey attribute is missing (a survey id or an inline JSON definition)');
      return;
    }
    this.phase = 'loading';
    try {
      // The survey and the shopper's language arrive together, so the first screen is in that language.
      const [definition] = await Promise.all([loadSurvey(this.survey, this.endpoint), this.#showLocale()]);
      if (token !== this.#loadToken) return;
      this.definition = definition;
      // Without a way to submit, showing the survey would waste the shopper's time.
      if (!this.endpoint && !this.client) return this.#fail('config', NO_ENDPOINT);
      this.#lastError = ''; // a later failure, even the same one again, is reported again
      this.#restart();
    } catch (error) {
      if (token !== this.#loadToken) return;
      this.#fail('survey', error instanceof Error ? error.message : String(error));
    }
  }

  #fail(code: 'config' | 'survey', message: string): void {
    this.phase = 'unavailable';
    if (message === this.#lastError) return;
    this.#lastError = message;
    console.error(`[storevoice] <storevoice-widget>: ${message}`);
    emit(this, 'storevoice-error', { code, message });
  }

  /** Loads kiosk mode's code (a separate chunk, or `kiosk.js` beside the script tag) and hands it the survey. */
  async #startKiosk(): Promise<void> {
    this.#kioskLoading = true;
    try {
      const { createKiosk } = await loadKiosk();
      // Unless the mode changed meanwhile (it starts again when it comes back).
      if (this.mode === 'kiosk') {
        this.#kiosk = createKiosk(this, this.#kioskBridge());
        this.requestUpdate();
      }
    } catch (error) {
      // Offline before kiosk.js was ever cached: the next update tries again.
      console.error('[storevoice] <storevoice-widget>: kiosk mode could not load', error);
    }
    this.#kioskLoading = false;
  }

  /** What kiosk mode may read and do inside the element; nothing of it is public API. */
  #kioskBridge(): KioskBridge {
    return {
      state: () => ({ definition: this.definition, answers: this.answers, phase: this.phase, result: this.result }),
      messages: () => this.#messages,
      text: (value) => this.#text(value),
      localeCode: () => this.shownLocale,
      setLocale: (tag) => (this.localeOverride = tag),
      client: () => this.#submission.client,
      body: () => this.renderBody(),
      question: (question) => this.#renderQuestion(question),
      keyed,
      define: (definition) => (this.definition = definition),
      restart: () => this.#restart(),
      next: () => this.#next(),
      deliver: (answers, tags, background) => this.#deliver(answers, tags, background),
    };
  }

  /** Clears every answer and goes back to the first question; a kiosk also goes back to its attract screen and language. */
  reset(): void {
    if (this.#kiosk) this.#kiosk.reset();
    else this.#restart();
  }

  #restart(): void {
    this.#sendSerial++;
    this.answers = [];
    this.problems = new Map();
    this.result = undefined;
    this.phase = this.definition ? 'survey' : this.phase;
    this.currentId = this.#steps.visible[0]?.id;
  }

  /** Opens the dialog (launcher mode) and moves focus into it. */
  async open(): Promise<void> {
    // Nothing to show when the survey could not be loaded (the console says why).
    if (this.mode !== 'launcher' || this.isOpen || this.phase === 'unavailable') return;
    this.isOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    // showModal() focuses the dialog's first control, the close button; the question's is more useful.
    if (dialog && !dialog.open) dialog.showModal();
    this.#focusQuestion();
    emit(this, 'storevoice-open', {});
  }

  /** Closes the dialog and gives focus back to the launcher button. */
  close(): void {
    if (!this.isOpen) return;
    // Given: delivered or saved. A refused submission keeps its "Try again" for the next open.
    const submitted = this.phase === 'done' && this.result !== undefined && this.result.status !== 'failed';
    this.isOpen = false;
    this.renderRoot.querySelector('dialog')?.close();
    if (!submitted) this.#rememberDismissal();
    this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
    emit(this, 'storevoice-close', { submitted });
    if (submitted) this.#restart();
  }

  /** Closing without answering is remembered, so a page that opens the survey by itself does not nag. */
  #rememberDismissal(): void {
    const id = this.definition?.id;
    try {
      if (id) localStorage.setItem(DISMISSED_PREFIX + id, String(Date.now()));
    } catch {
      // Storage disabled: nothing to remember with.
    }
  }

  /** When the shopper last closed this survey without answering (epoch ms), if ever. */
  get dismissedAt(): number | undefined {
    try {
      const value = this.definition && localStorage.getItem(DISMISSED_PREFIX + this.definition.id);
      return value ? Number(value) : undefined;
    } catch {
      return undefined;
    }
  }

  #setAnswer(question: Question, answer: Answer | undefined): void {
    const others = this.answers.filter((a) => a.questionId !== question.id);
    const answers = answer ? [...others, answer] : others;
    this.answers = this.definition ? pruneAnswers(this.definition, answers) : answers;
    if (this.problems.has(question.id)) {
      const problems = new Map(this.problems);
      const check = validateAnswer(question, answer);
      if (check.valid) problems.delete(question.id);
      else problems.set(question.id, check);
      this.problems = problems;
    }
    emit(this, 'storevoice-answer', { questionId: question.id, answer });
    // A kiosk moves on by itself after a score; elsewhere a micro survey is sent with a single tap.
    if (this.#kiosk) this.#kiosk.answered(question, answer);
    else if (answer && this.#micro) void this.#send();
  }

  /** A one-question rating survey (a "micro survey"): one tap sends it, so it has no Send button. */
  get #micro(): boolean {
    const questions = this.definition?.questions;
    return questions?.length === 1 && RATING_TYPES.has(questions[0]!.type);
  }

  /** Validates the given questions; shows their problems and focuses the first invalid one. */
  #check(questions: readonly Question[]): boolean {
    const problems = new Map<string, AnswerCheck>();
    for (const question of questions) {
      const check = validateAnswer(question, this.answers.find((a) => a.questionId === question.id));
      if (!check.valid) problems.set(question.id, check);
    }
    this.problems = problems;
    if (problems.size > 0) {
      void this.updateComplete.then(() => {
        const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
        (first?.matches('input, textarea, button, [tabindex]') ? first : first?.querySelector<HTMLElement>('input, textarea, button, [tabindex="0"]'))?.focus();
      });
    }
    return problems.size === 0;
  }

  #next(): void {
    // The current answer may open a branch: the following question is looked up after it.
    const { visible, index } = this.#steps;
    const current = visible[index];
    if (!current || !this.#check([current])) return;
    const following = visible[index + 1];
    if (following) this.#goTo(following.id);
    else this.#send();
  }

  #back(): void {
    const { visible, index } = this.#steps;
    const previous = visible[index - 1];
    if (previous) this.#goTo(previous.id);
  }

  /**
   * The questions the shopper sees with the current answers, and where the current one stands among
   * them. It is always one of them: a `showIf` only looks at earlier questions, and only the current
   * question is on screen to be answered (on a page, the first one, which nothing can hide).
   */
  get #steps(): { visible: Question[]; index: number } {
    const visible = this.definition ? visibleQuestions(this.definition, this.answers) : [];
    return { visible, index: visible.findIndex((q) => q.id === this.currentId) };
  }

  #goTo(id: string): void {
    this.currentId = id;
    this.problems = new Map();
    void this.updateComplete.then(() => this.#focusQuestion());
  }

  #focusQuestion(): void {
    this.renderRoot.querySelector<HTMLElement>('.question [tabindex="0"], .question input, .question textarea')?.focus();
  }

  /** Checks the answers, then submits them (a kiosk first applies its rate limit and manager offer). */
  #send(): void {
    if (!this.definition || this.phase === 'sending') return;
    // The same test as the SDK's isComplete(), question by question, so the problems can be shown.
    if (!this.#check(this.#steps.visible)) return;
    // this.answers is pruned on every change (see #setAnswer): it is what gets submitted.
    if (this.#kiosk) this.#kiosk.complete(this.answers);
    else void this.#deliver(this.answers);
  }

  /**
   * Submits through the SDK and shows an honest outcome: delivered, saved for later, or refused.
   * `tags` are added to the submission's context; `background` (a kiosk's idle submit, whose screen
   * is already reset for the next customer) leaves the screen alone and only reports events.
   */
  async #deliver(answers: readonly Answer[], tags?: Tags, background?: boolean): Promise<SubmitResult | undefined> {
    const definition = this.definition!;
    const serial = this.#sendSerial;
    const shown = () => !background && serial === this.#sendSerial;
    const context = this.#contextFor(answers);
    if (shown()) this.phase = 'sending';
    emit(this, 'storevoice-submit', { answers });
    try {
      const result = await this.#submission.submit(
        // An undefined surveyVersion is left out of the submission by the SDK.
        { surveyId: definition.id, surveyVersion: definition.version, answers: [...answers] },
        tags ? { ...context, tags: { ...context.tags, ...tags } } : context,
      );
      if (shown()) {
        this.result = result;
        this.phase = 'done';
      }
      if (result.status === 'sent' || result.status === 'queued') emit(this, `storevoice-${result.status}`, { result });
      else if (result.status === 'failed') emit(this, 'storevoice-error', { code: 'rejected', message: result.message ?? result.reason ?? 'refused', result });
      return result;
    } catch (error) {
      // Bad configuration or invalid input: nothing was queued; say so and let the shopper retry.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[storevoice] <storevoice-widget>: ${message}`);
      if (shown()) {
        this.result = undefined;
        this.phase = 'done';
      }
      emit(this, 'storevoice-error', { code: 'config', message });
      return undefined;
    }
  }

  #retry(): void {
    this.phase = 'survey';
    this.#send();
  }

  #handleDialogClick(event: MouseEvent): void {
    // A click on the backdrop lands on the <dialog> itself, outside its content box.
    if (event.target === event.currentTarget) this.close();
  }

  #handleDialogCancel(event: Event): void {
    event.preventDefault(); // keep our own close() path so focus and events stay consistent
    this.close();
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
    if (this.mode === 'kiosk' && this.phase !== 'unavailable') {
      return this.#kiosk ? this.#kiosk.render() : html`<p class="loading" role="status">…</p>`;
    }
    if (this.phase === 'unavailable') {
      return this.mode === 'launcher' ? nothing : html`<div part="panel" class="panel unavailable" role="status">${this.#messages.unavailable}</div>`;
    }
    // A launcher label in the wrong language for a moment is worse than a button a moment later.
    if (this.mode === 'launcher' && !this.#localeReady && this.phase === 'loading') return nothing;
    const messages = this.#messages;
    if (this.mode !== 'launcher') return html`<div part="panel" class="panel" dir=${messages.dir} lang=${this.shownLocale}>${this.renderBody()}</div>`;
    const titleId = 'sv-title';
    return html`
      <button part="launcher button" class="launcher" aria-haspopup="dialog" aria-expanded=${this.isOpen ? 'true' : 'false'} @click=${() => void this.open()}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16v12H8l-4 4z" /></svg>
        <span>${messages.openFeedback}</span>
      </button>
      <dialog part="dialog" aria-labelledby=${titleId} dir=${messages.dir} lang=${this.shownLocale} @click=${this.#handleDialogClick} @cancel=${this.#handleDialogCancel}>
        <div part="panel" class="panel">
          <button part="button" class="close" aria-label=${messages.close} @click=${() => this.close()}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" /></svg>
          </button>
          ${this.isOpen ? this.renderBody() : nothing}
        </div>
      </dialog>
    `;
  }

  // Not `#private` like the other internals: test/widget/kiosk/access-health.test.ts replaces it
  // to make a render throw.
  private renderBody(): TemplateResult {
    const definition = this.definition;
    const messages = this.#messages;
    const title = definition?.title ? this.#text(definition.title) : '';
    const heading = html`<h2 part="title" id="sv-title" class=${title ? 'title' : 'visually-hidden'}>${title || messages.openFeedback}</h2>`;
    if (!definition || this.phase === 'loading') return html`${heading}<p class="loading" role="status">…</p>`;
    if (this.phase === 'done') return html`${heading}${this.#renderOutcome(definition)}`;
    const { visible, index } = this.#steps;
    // A kiosk shows one question per screen, whatever the survey says: big targets need the room.
    const pageMode = definition.display === 'page' && !this.#kiosk;
    const shown = pageMode ? visible : visible.filter((q) => q.id === this.currentId);
    const isLast = pageMode || index === visible.length - 1;
    return html`${heading}
      ${!pageMode && visible.length > 1 ? html`<p part="progress" class="progress">${messages.progress(index + 1, visible.length)}</p>` : nothing}
      <form class="questions" novalidate @submit=${(e: Event) => (e.preventDefault(), pageMode ? this.#send() : this.#next())}>
        ${shown.map((question) => this.#renderQuestion(question))}
        ${this.#micro
          ? nothing
          : html`<div class="actions">
              ${!pageMode && index > 0 ? html`<button part="button" type="button" class="secondary" @click=${() => this.#back()}>${messages.back}</button>` : nothing}
              <button part="button primary" type="submit" class="primary" ?disabled=${this.phase === 'sending'}>
                ${this.phase === 'sending' ? messages.sending : isLast ? messages.submit : messages.next}
              </button>
            </div>`}
      </form>`;
  }

  #renderQuestion(question: Question): TemplateResult {
    const problem = this.problems.get(question.id);
    const errorId = `sv-error-${question.id}`;
    // Keyed by question: moving from one text question to the next gets a fresh field, not the
    // previous one's DOM (with its undo history, selection and IME state).
    return html`${keyed(question.id, html`<div class="question" data-question=${question.id}>
      ${viewFor(question)({
        question,
        answer: this.answers.find((a) => a.questionId === question.id),
        messages: this.#messages,
        locale: this.#requestedLocale ?? this.shownLocale,
        idPrefix: `sv-${question.id}`,
        errorId,
        invalid: problem !== undefined,
        kiosk: this.mode === 'kiosk',
        onAnswer: (answer) => this.#setAnswer(question, answer),
      })}
      <p part="error" class="error" id=${errorId} role="alert">${problem && !problem.valid ? errorText(problem, this.#messages) : ''}</p>
    </div>`)}`;
  }

  #renderOutcome(definition: SurveyDefinition): TemplateResult {
    const messages = this.#messages;
    const result = this.result;
    if (result?.status === 'sent' || result?.status === 'dropped') {
      return html`<p part="status" class="status" role="status">${definition.thankYou ? this.#text(definition.thankYou) : messages.thanks}</p>`;
    }
    if (result?.status === 'queued') {
      // "When you're back online" would be untrue for a shopper who is online but whose requests
      // are blocked or failing: say what is known instead.
      return html`<p part="status" class="status" role="status">${isOffline() ? messages.thanksQueued : messages.thanksSaved}</p>`;
    }
    return html`<div part="status" class="status failed" role="alert">
        <p><strong>${messages.failedTitle}</strong></p>
        <p>${messages.failedRejected}</p>
        ${result?.message ? html`<p class="reason">${result.message}</p>` : nothing}
      </div>
      <div class="actions"><button part="button primary" class="primary" @click=${() => this.#retry()}>${messages.retry}</button></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'storevoice-widget': StoreVoiceWidget;
  }
}
