import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveController } from 'lit';
import type { SurveyDefinition } from '../../sdk/index.js';
// Straight from the modules, not the admin barrel: the barrel also exports Lit-wrapped styles,
// which kiosk.js (the script tag's kiosk mode) must not bundle.
import { KioskAdminController } from './admin/admin-controller.js';
import { adminMessages as m } from './admin/admin-messages.js';
import { attachLongPress } from './admin/long-press.js';
import type { KioskSettings } from './admin/settings.js';
import { PROVISIONING_PARAMS, ProvisioningError, loadKioskSettings, provisionFromUrl } from './admin/storage.js';
import { captureTarget, propertiesFor, withRoster, type SettingsTarget } from './settings-apply.js';
import type { SurveyFlowController } from '../widget/survey-flow-controller.js';
import type { KioskElement } from './types.js';

/**
 * Where a kiosk keeps its settings: `storevoice:kiosk`, or `storevoice:kiosk:<id>` for an element
 * with an `id` (two kiosks on one origin). Not derived from `device`: the device id is itself a
 * setting, and changing it must not lose the others (or the PIN).
 */
export const storageKeyOf = (el: HTMLElement): string => (el.id ? `storevoice:kiosk:${el.id}` : 'storevoice:kiosk');

/**
 * Kiosk setup, wired into the customer loop: applies the stored settings on start, then a
 * provisioning link when the element has the `provision` attribute; draws the admin corner (a long
 * press opens the admin screen) and the admin screen; applies a Save at once. Precedence: URL
 * provisioning > stored settings > the element's attributes (see settings-apply.ts).
 */
export class KioskSetup implements ReactiveController {
  readonly admin: KioskAdminController;
  readonly storageKey: string;
  readonly #el: KioskElement;
  readonly #flow: SurveyFlowController;
  readonly #base: SettingsTarget;
  #settings: KioskSettings;
  #hotspot: HTMLElement | undefined;
  #stopLongPress: (() => void) | undefined;
  /** Why the last provisioning link was refused, for staff; cleared by Dismiss or a Save. */
  #problem: { readonly issues: readonly string[] } | undefined;
  #destroyed = false;
  // The survey as loaded and as shown with the kiosk's roster: each load is adapted once.
  #loaded: SurveyDefinition | undefined;
  #adapted: SurveyDefinition | undefined;
  #adaptedRoster: KioskSettings['staffRoster'] | undefined;

  constructor(el: KioskElement, flow: SurveyFlowController, onClose: () => void) {
    this.#el = el;
    this.#flow = flow;
    this.storageKey = storageKeyOf(el);
    this.#base = captureTarget(el);
    this.admin = new KioskAdminController(el, {
      storageKey: this.storageKey,
      onSave: (settings) => {
        this.#problem = undefined;
        this.#apply(settings);
      },
      onClose,
    });
    el.addController(this);
    this.#settings = loadKioskSettings(this.storageKey);
    this.#apply(this.#settings);
    if (el.hasAttribute('provision')) void this.#provision();
  }

  /** Applies a provisioning link in the page's address, if it has one; a bad link is shown to staff. */
  async #provision(): Promise<void> {
    const url = new URL(location.href);
    if (!PROVISIONING_PARAMS.some((param) => url.searchParams.has(param))) return;
    try {
      const { settings, provisioned } = await provisionFromUrl(url, this.storageKey);
      if (provisioned && !this.#destroyed) this.#apply(settings);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[storevoice] <storevoice-widget>: ${message}`);
      if (this.#destroyed) return;
      this.#problem = { issues: error instanceof ProvisioningError ? error.issues.map((i) => `${i.param}: ${i.message}`) : [message] };
      this.#el.dispatchEvent(new CustomEvent('storevoice-error', { bubbles: true, composed: true, detail: { code: 'config', message } }));
      this.#el.requestUpdate();
    }
  }

  #apply(settings: KioskSettings): void {
    this.#settings = settings;
    // Unchanged values are no change to Lit: the survey reloads only when its id, endpoint or key did.
    Object.assign(this.#el, propertiesFor(settings, this.#base));
    this.#el.requestUpdate();
  }

  /** Before each render: the loaded survey's staff questions get the kiosk's roster. */
  hostUpdate(): void {
    const { definition } = this.#flow.state;
    const roster = this.#settings.staffRoster;
    if (!definition || (definition === this.#adapted && roster === this.#adaptedRoster)) return;
    if (definition !== this.#adapted) this.#loaded = definition;
    this.#adaptedRoster = roster;
    this.#adapted = withRoster(this.#loaded ?? definition, roster);
    if (this.#adapted !== definition) this.#flow.define(this.#adapted);
  }

  /** After each render: the corner on screen is the one listening for a long press (a crash redraws it). */
  hostUpdated(): void {
    const hotspot = this.#el.renderRoot.querySelector<HTMLElement>('.admin-hotspot') ?? undefined;
    if (hotspot === this.#hotspot) return;
    this.#stopLongPress?.();
    this.#hotspot = hotspot;
    this.#stopLongPress = hotspot && attachLongPress(hotspot, { onLongPress: () => this.admin.open() });
  }

  hostConnected(): void {
    // Back on the page: render, so that hostUpdated() listens on the corner again.
    this.#el.requestUpdate();
  }

  hostDisconnected(): void {
    // A press in progress must not open the admin screen of an element that left the page.
    this.#stopLongPress?.();
    this.#stopLongPress = undefined;
    this.#hotspot = undefined;
  }

  /** Kiosk mode ended: stop listening, and give the element back its own values. */
  destroy(): void {
    this.#destroyed = true;
    this.hostDisconnected();
    Object.assign(this.#el, this.#base);
    if (this.#loaded && this.#flow.state.definition === this.#adapted) this.#flow.define(this.#loaded);
  }

  /**
   * The admin corner: 48px, top left whatever the language, invisible until focused. A button for
   * assistive technology (named, focusable, last in the tab order) that only a 3-second hold opens.
   */
  renderHotspot(): TemplateResult {
    return html`<div part="admin-hotspot" class="admin-hotspot" role="button" tabindex="0" aria-label=${m.hotspotLabel}></div>`;
  }

  /** A refused provisioning link, for the staff who opened it: what was wrong, and that nothing changed. */
  renderProblem(): TemplateResult | typeof nothing {
    const problem = this.#problem;
    if (!problem) return nothing;
    return html`<div part="provision-error" class="provision-error" role="alert" lang="en" dir="ltr">
      <p><strong>${m.provisioningFailed}</strong></p>
      <ul>
        ${problem.issues.map((issue) => html`<li>${issue}</li>`)}
      </ul>
      <p>${m.provisioningKept}</p>
      <button part="button" type="button" class="secondary" @click=${this.#dismiss}>${m.dismiss}</button>
    </div>`;
  }

  readonly #dismiss = (): void => {
    this.#problem = undefined;
    this.#el.requestUpdate();
  };
}
