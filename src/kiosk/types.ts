import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { SurveyDefinition } from '../../sdk/index.js';
import type { LocaleController } from '../widget/locale-controller.js';
import type { SurveyFlowController } from '../widget/survey-flow-controller.js';
import type { SurveyView } from '../widget/survey-view.js';

// Types only: the element imports this module, and nothing of it may reach the script-tag bundle.

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

/**
 * What kiosk mode drives: the element's controllers, which the element itself renders with
 * (see "The widget" in docs/architecture.md). Kiosk mode becomes the flow's `driver`.
 */
export interface KioskControllers {
  /** The survey: definition, answers, phase, outcome; next, restart, deliver. */
  readonly flow: SurveyFlowController;
  /** The language on screen, and the customer's choice of one. */
  readonly locale: LocaleController;
  /** Draws the flow: the survey screen, and a question on its own (the attract screen's smileys). */
  readonly view: SurveyView;
}

/** Kiosk mode as the element drives it. */
export interface KioskMode {
  render(): TemplateResult;
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
  createKiosk(element: KioskElement, controllers: KioskControllers): KioskMode;
}
