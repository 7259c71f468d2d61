import { html, type TemplateResult } from 'lit/html.js';
import type { ReactiveController } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Answer, Question, SurveyDefinition, Tags } from '../../sdk/index.js';
import { en } from '../i18n/kiosk/en.js';
import { kioskCatalog } from '../i18n/kiosk/index.js';
import type { KioskMessages } from '../i18n/messages.js';
import type { FlowDriver, SurveyFlowController } from '../widget/survey-flow-controller.js';
import { HeartbeatController, version } from './heartbeat.js';
import { IdleController } from './idle-controller.js';
import { KioskSetup } from './kiosk-setup.js';
import { offlineIndicator, OfflineController } from './offline-indicator.js';
import { countTap, decide, force, initialRateLimit } from './rate-limiter.js';
import { scheduler, Timer } from './scheduler.js';
import { attractScreen, offerScreen, thanksScreen, type LanguageChoice } from './screens.js';
import { nativeLanguageName, primaryLanguage, surveyLanguages } from './survey-languages.js';
import type { KioskControllers, KioskElement, KioskMode } from './types.js';
import { WakeLockController } from './wake-lock.js';

/** Where the customer is in the loop. */
export type KioskScreen = 'attract' | 'survey' | 'offer' | 'thanks';

const RATINGS = new Set<Question['type']>(['smiley', 'stars', 'nps', 'csat']);
/** A render that keeps crashing this many times in a row is retried after `reset-delay`, not at once. */
const MAX_CRASHES = 3;

/** A score worth a manager's visit: 2 or less on the 1–5 scales, a detractor (0–6) on NPS. */
export function isBadScore(answers: readonly Answer[]): boolean {
  return answers.some((a) => typeof a.value === 'number' && ((a.type === 'nps' && a.value <= 6) || (a.type !== 'nps' && RATINGS.has(a.type) && a.value <= 2)));
}

/**
 * The kiosk's customer loop: attract screen → questions (one per screen) → thank-you → attract
 * again after `reset-delay`; an idle timeout ends an abandoned survey; submissions are rate limited;
 * manager help after a bad score. It drives the element's survey flow ({@link FlowDriver}) and
 * draws it with the element's view; between customers it resets everything it and the flow hold,
 * and renders the next customer's screens into fresh DOM (keyed by a customer number).
 */
export class KioskController implements ReactiveController, KioskMode, FlowDriver {
  /** Settings, provisioning and the admin screen. */
  readonly setup: KioskSetup;
  readonly #el: KioskElement;
  readonly #flow: SurveyFlowController;
  readonly #parts: KioskControllers;
  readonly #clock = scheduler();
  readonly #resetTimer = new Timer(this.#clock);
  readonly #offline: OfflineController;
  readonly #controllers: ReactiveController[];
  // Per customer: cleared by reset().
  #started = false;
  #languageChosen = false;
  #offer: readonly Answer[] | undefined;
  #managerRequested = false;
  #suppressedThanks = false;
  // Per device: the rate limit's window and counts, and crash bookkeeping.
  #limit = initialRateLimit;
  #customer = 0;
  #crashes = 0;
  #crashedNow = false;
  #keyboard = false;
  #announced = '';

  constructor(el: KioskElement, parts: KioskControllers) {
    this.#el = el;
    this.#parts = parts;
    const flow = (this.#flow = parts.flow);
    flow.driver = this;
    el.addController(this);
    this.#offline = new OfflineController(el, () => flow.client);
    // Closing the admin screen (Save, Cancel, Escape, its own timeout) starts a fresh customer; a
    // survey left half-finished under it ends as on an idle timeout, so no feedback is lost silently.
    this.setup = new KioskSetup(el, flow, () => (this.screen === 'survey' || this.screen === 'offer' ? this.#end() : this.reset()));
    const admin = this.setup.admin;
    const idle = new IdleController(el, {
      clock: this.#clock,
      timeout: () => el.idleTimeout,
      // Something to time out: a survey under way, or a language picked by someone who then left.
      // Never under the admin screen: staff are working, and closing it resets the screen anyway.
      active: () => !admin.isOpen && flow.state.phase !== 'sending' && (this.screen === 'survey' || this.screen === 'offer' || (this.screen === 'attract' && this.#languageChosen)),
      onIdle: () => this.#end(),
    });
    const heartbeat = new HeartbeatController(el, {
      clock: this.#clock,
      url: () => el.heartbeat || undefined,
      interval: () => el.heartbeatInterval ?? 60_000,
      payload: () => ({
        device: el.device ?? null,
        store: el.store ?? null,
        queueLength: this.#offline.queued,
        lastSentAt: this.#offline.lastSentAt === undefined ? null : new Date(this.#offline.lastSentAt).toISOString(),
        version,
        at: new Date().toISOString(),
      }),
    });
    this.#controllers = [this, this.#offline, idle, heartbeat, new WakeLockController(el), this.setup, admin];
  }

  get screen(): KioskScreen {
    const { phase } = this.#flow.state;
    if (this.#suppressedThanks || phase === 'done') return 'thanks';
    if (this.#offer || (this.#managerRequested && phase === 'sending')) return 'offer';
    return this.#started || phase === 'sending' ? 'survey' : 'attract';
  }

  get #kioskMessages(): KioskMessages {
    return kioskCatalog(this.#parts.locale.code) ?? en;
  }

  answered(question: Question, answer: Answer | undefined): void {
    this.#started = true;
    // One question per screen, so a score is a decision: move on without a Next tap.
    if (answer && RATINGS.has(question.type)) this.#flow.next();
    else this.#el.requestUpdate();
  }

  complete(answers: readonly Answer[]): void {
    // A removed attribute reads as null.
    if (typeof this.#el.managerHelp === 'string' && isBadScore(answers)) {
      this.#offer = answers;
      this.#el.requestUpdate();
      return;
    }
    this.#submit(answers, false);
  }

  #submit(answers: readonly Answer[], managerRequested: boolean): void {
    const now = this.#clock.now();
    // A customer asking for help is never held back; it still starts a new window.
    const decision = managerRequested ? force(this.#limit, now) : decide(this.#limit, now, this.#el.minInterval);
    this.#limit = decision.state;
    this.#offer = undefined;
    if (!decision.admitted) {
      this.#suppressedThanks = true;
      this.#el.requestUpdate();
      return;
    }
    this.#managerRequested = managerRequested;
    const tags: Tags = { ...decision.tags, ...(managerRequested && { managerRequested: true }) };
    void this.#flow.deliver(answers, Object.keys(tags).length > 0 ? tags : undefined);
  }

  /** Idle timeout (or a crash): submit what was answered, unless told to discard it, and reset. */
  #end(): void {
    const offered = this.#offer;
    const answers = offered ?? this.#flow.state.answers;
    if (answers.length > 0 && this.#el.idleAction !== 'discard') {
      const decision = decide(this.#limit, this.#clock.now(), this.#el.minInterval);
      this.#limit = decision.state;
      // A survey left on the manager question was complete; any other was not.
      if (decision.admitted) void this.#flow.deliver(answers, { ...decision.tags, ...(!offered && { incomplete: true }) }, true);
    }
    this.reset();
  }

  reset(): void {
    this.#resetTimer.clear();
    this.#started = false;
    this.#languageChosen = false;
    this.#offer = undefined;
    this.#managerRequested = false;
    this.#suppressedThanks = false;
    this.#customer++;
    this.#parts.locale.choose(undefined);
    this.#flow.restart();
    this.#el.requestUpdate();
  }

  recover(error: unknown): void {
    console.error('[storevoice] <storevoice-widget>: the kiosk screen failed to render; starting afresh', error);
    this.#crashedNow = true;
    // Not now: state set during a render is dropped by Lit; the next microtask starts a new update.
    if (++this.#crashes <= MAX_CRASHES) queueMicrotask(() => this.#end());
    else this.#resetTimer.set(this.#el.resetDelay, () => this.#end());
  }

  destroy(): void {
    this.#resetTimer.clear();
    this.setup.destroy();
    if (this.#flow.driver === this) this.#flow.driver = undefined;
    for (const controller of this.#controllers) {
      controller.hostDisconnected?.();
      this.#el.removeController(controller);
    }
  }

  hostDisconnected(): void {
    this.#resetTimer.clear();
  }

  hostUpdated(): void {
    if (this.#crashedNow) this.#crashedNow = false;
    else this.#crashes = 0;
    const root = this.#el.renderRoot;
    const surface = root.querySelector<HTMLElement>('.sv-kiosk');
    const scale = Number(this.#el.textScale);
    surface?.style.setProperty('--_scale', String(Number.isFinite(scale) && scale > 0 ? Math.min(2, Math.max(1, scale)) : 1));
    // Not under the admin screen: it resets the screen itself when it closes.
    if (this.screen === 'thanks' && !this.#resetTimer.armed && !this.setup.admin.isOpen) {
      this.#resetTimer.set(Math.max(0, this.#el.resetDelay), () => (this.setup.admin.isOpen ? undefined : this.reset()));
    }
    this.#announce(root);
  }

  /**
   * Tells screen reader users where they are when the screen (or the question) changes, through one
   * live region that stays in place; keyboard and switch users get focus on the new screen's first control.
   */
  #announce(root: HTMLElement | DocumentFragment): void {
    const screen = root.querySelector('.screen');
    const key = `${this.#customer}:${this.screen}:${screen?.querySelector<HTMLElement>('[data-question]')?.dataset['question'] ?? ''}:${this.#parts.locale.code}:${screen?.querySelector('.manager') ? 1 : 0}`;
    if (!screen || key === this.#announced) return;
    this.#announced = key;
    const text = [...screen.querySelectorAll(':is(.progress, .prompt, .attract-title, .offer-title, .thanks-message, .manager)')]
      .map((node) => node.textContent?.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('. ');
    const live = root.querySelector('.live');
    if (live) live.textContent = text;
    const active = (root as ShadowRoot).activeElement;
    if (this.#keyboard && (!active || !screen.contains(active))) {
      screen.querySelector<HTMLElement>('[role="radio"][tabindex="0"], button:not([disabled]), input, textarea')?.focus();
    }
  }

  readonly #onPointerDown = (event: PointerEvent): void => {
    this.#keyboard = false;
    // Nothing on these screens takes a tap; a mashing child is counted for the next submission.
    // Staff holding the admin corner are not mashing.
    if ((event.target as Element | null)?.closest?.('.admin-hotspot')) return;
    if (this.screen === 'thanks' || this.#flow.state.phase === 'sending') this.#limit = countTap(this.#limit);
  };

  readonly #onKeyDown = (): void => {
    this.#keyboard = true;
  };

  readonly #start = (): void => {
    this.#started = true;
    this.#el.requestUpdate();
  };

  readonly #chooseLanguage = (tag: string): void => {
    this.#languageChosen = true;
    this.#parts.locale.choose(tag);
  };

  readonly #chooseHelp = (wanted: boolean): void => {
    const answers = this.#offer;
    if (answers) this.#submit(answers, wanted);
  };

  /**
   * The language buttons: the `languages` attribute, or else every language the survey is written
   * in. A language gets a button when the widget speaks it or the survey is written in it (the
   * survey's texts then show in it, and the widget's own words in English).
   */
  #languages(definition: SurveyDefinition): LanguageChoice[] {
    const written = surveyLanguages(definition);
    const configured = (this.#el.languages ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const { locale } = this.#parts;
    const active = primaryLanguage(locale.requested ?? locale.code);
    const seen = new Set<string>();
    const choices: LanguageChoice[] = [];
    for (const tag of configured.length > 0 ? configured : written) {
      const language = primaryLanguage(tag);
      const catalog = kioskCatalog(tag);
      const inSurvey = written.some((t) => primaryLanguage(t) === language);
      if (seen.has(language) || (!catalog && !inSurvey)) continue; // a language neither speaks gets no button
      seen.add(language);
      choices.push({ tag, name: catalog?.languageName ?? nativeLanguageName(tag), current: language === active });
    }
    return choices;
  }

  /** Renders the current screen; one that throws leaves a blank surface for a moment, then the attract screen. */
  render(): TemplateResult {
    try {
      return this.#renderScreen();
    } catch (error) {
      this.recover(error);
      return html`<div part="panel kiosk" class="panel sv-kiosk"></div>`;
    }
  }

  #renderScreen(): TemplateResult {
    const { definition, phase, result } = this.#flow.state;
    const { locale, view } = this.#parts;
    const messages = locale.messages;
    const kiosk = this.#kioskMessages;
    const screen = this.screen;
    let content: unknown;
    if (!definition || phase === 'loading') content = html`<p class="loading" role="status">…</p>`;
    else if (screen === 'attract') {
      const first = definition.questions[0];
      content = attractScreen({
        messages: kiosk,
        // The survey's own smiley question is the invitation: one tap may be the whole survey. No
        // "required" marker there: tapping a face is the only thing the screen asks for.
        question: first?.type === 'smiley' && !first.showIf ? view.question({ ...first, required: false }) : undefined,
        languages: this.#languages(definition),
        onStart: this.#start,
        onLanguage: this.#chooseLanguage,
      });
    } else if (screen === 'offer') content = offerScreen(kiosk, this.#chooseHelp);
    else if (screen === 'thanks') {
      const notified = this.#managerRequested && result !== undefined && result.status !== 'failed';
      content = thanksScreen({
        messages,
        kiosk,
        thankYou: definition.thankYou ? locale.text(definition.thankYou) : undefined,
        failed: !this.#suppressedThanks && (result === undefined || result.status === 'failed'),
        // Honest: "notified" only once the alert destination acknowledged the request.
        manager: notified ? (result.destinations[this.#alertDestination] === 'sent' ? 'notified' : 'saved') : undefined,
      });
    } else content = view.body();
    return html`<div
      part="panel kiosk"
      class="panel sv-kiosk${this.#el.contrast === 'high' ? ' high-contrast' : ''}"
      dir=${messages.dir}
      lang=${locale.code}
      @pointerdown=${this.#onPointerDown}
      @keydown=${this.#onKeyDown}
    >
      <div class="live visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
      ${keyed(this.#customer, html`<div class="screen ${screen}">${content}</div>`)}
      ${offlineIndicator(this.#offline, kiosk)} ${this.setup.renderProblem()} ${this.setup.renderHotspot()}
    </div>
    ${this.setup.admin.render()}`;
  }

  /** The destination `manager-help` names (the attribute's value; empty means `alerts`). */
  get #alertDestination(): string {
    return this.#el.managerHelp?.trim() || 'alerts';
  }
}
