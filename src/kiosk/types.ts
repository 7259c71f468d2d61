import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Answer, Client, LocalizedText, Question, SubmitResult, SurveyDefinition, Tags } from '../../sdk/index.js';
import type { LocaleCode } from '../i18n/locales.js';
import type { Messages } from '../i18n/messages.js';

// Types only: the element imports this module, and nothing of it may reach the script-tag bundle.

/** The element's phases, as the kiosk sees them. */
export type HostPhase = 'loading' | 'unavailable' | 'survey' | 'sending' | 'done';

/** The public face of `<storevoice-widget>` that kiosk mode reads: its attributes and Lit's host API. */
export interface KioskElement extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  resetDelay: number;
  idleTimeout: number;
  minInterval: number;
  idleAction: 'submit' | 'discard' | undefined;
  managerHelp: string | undefined;
  heartbeat: string | undefined;
  heartbeatInterval: number | undefined;
  languages: string | undefined;
  contrast: 'normal' | 'high' | undefined;
  textScale: number | undefined;
  locale: string;
  // The hierarchy, survey and collector: kiosk settings (admin screen, provisioning) write them.
  brand: string | undefined;
  region: string | undefined;
  store: string | undefined;
  device: string | undefined;
  staff: string | undefined;
  survey: string | SurveyDefinition | undefined;
  endpoint: string | undefined;
  key: string | undefined;
}

/** What the element lends kiosk mode of its insides (see `kioskBridge()` in storevoice-widget.ts). */
export interface KioskBridge {
  state(): {
    readonly definition: SurveyDefinition | undefined;
    /** Pruned by the element: answers to questions hidden by `showIf` are never kept. */
    readonly answers: readonly Answer[];
    readonly phase: HostPhase;
    readonly result: SubmitResult | undefined;
  };
  messages(): Messages;
  /** A survey text in the customer's language. */
  text(value: LocalizedText | undefined): string;
  /** The catalog on screen. */
  localeCode(): LocaleCode;
  /** A customer's language choice; `undefined` goes back to the `locale` attribute. */
  setLocale(tag: string | undefined): void;
  client(): Client | undefined;
  /** The current question with its progress, Back and Next/Send (one question per screen). */
  body(): TemplateResult;
  question(question: Question): TemplateResult;
  /** Lit's `keyed`, lent so the kiosk chunk needs no second copy of Lit's directives. */
  keyed(key: unknown, value: unknown): unknown;
  /**
   * Replaces the loaded definition without reloading or restarting (the kiosk's own staff roster
   * in its staff questions); the next load replaces it again.
   */
  define(definition: SurveyDefinition): void;
  /** Clears answers, problems and the outcome; back to the first question. */
  restart(): void;
  /** Validates the current question and moves on (or completes the survey). */
  next(): void;
  /** Submits; `background` leaves the screen alone. Resolves with the result (`undefined`: not queued). */
  deliver(answers: readonly Answer[], tags?: Tags, background?: boolean): Promise<SubmitResult | undefined>;
}

/** Kiosk mode as the element drives it. */
export interface KioskMode {
  render(): TemplateResult;
  /** An answer changed (a score moves on by itself). */
  answered(question: Question, answer: Answer | undefined): void;
  /** The survey is complete and valid: rate limit, offer manager help, submit. */
  complete(answers: readonly Answer[]): void;
  /** Back to the attract screen; nothing of the customer remains. */
  reset(): void;
  /** A render threw: log it and start afresh. */
  recover(error: unknown): void;
  /** Mode changed away from kiosk: stop timers and listeners. */
  destroy(): void;
}

/** The kiosk chunk's exports, as the element uses them. */
export interface KioskModule {
  /** Adopts the kiosk's styles into the element's shadow root and starts kiosk mode. */
  createKiosk(element: KioskElement, bridge: KioskBridge): KioskMode;
}
