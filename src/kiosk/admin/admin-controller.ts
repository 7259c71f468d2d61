import type { ReactiveController, ReactiveControllerHost } from 'lit';
// lit-html only, and no `ref` directive: kiosk.js (the script tag's kiosk mode) bundles this file
// and must stay small; its templates are rendered by the bundle's own copy of Lit.
import { html, type TemplateResult } from 'lit/html.js';
import { adminMessages as m } from './admin-messages.js';
import { CLOSED, reduceAdmin, type AdminCommand, type AdminEvent, type AdminFocus, type AdminState, type PadScreen } from './admin-state.js';
import { firstKeyOf, PIN_TITLE_ID, renderPinPad } from './internal/pin-pad.js';
import { controlOf, removeButtonOf, renderSettingsForm, SETTINGS_TITLE_ID } from './internal/settings-form.js';
import { defaultStorage, type KioskStorage } from './internal/store.js';
import { PinGate, hashPin } from './pin.js';
import type { KioskSettings } from './settings.js';
import { loadKioskSettings, saveKioskSettings } from './storage.js';

export interface KioskAdminOptions {
  /** The kiosk's settings key in storage (the PIN lockout lives beside it). */
  readonly storageKey: string;
  /** Called with the stored settings after Save; apply them to the kiosk here. */
  readonly onSave: (settings: KioskSettings) => void;
  /** Called whenever the admin screen closes: Cancel, Escape, idle, or after Save. */
  readonly onClose: () => void;
  /** Survey ids to choose from; without it the survey is a text field. */
  readonly surveys?: readonly string[];
  /** @default localStorage */
  readonly storage?: KioskStorage | undefined;
  /** The clock of the PIN lockout, injectable for tests. @default Date.now */
  readonly now?: () => number;
  /** Inactivity before the admin screen closes by itself. @default 120000 (2 minutes) */
  readonly idleMs?: number;
  /** Wrong PINs before a lockout. @default 5 */
  readonly maxAttempts?: number;
  /** First lockout, doubled each time. @default 300000 (5 minutes) */
  readonly lockoutMs?: number;
  /** PBKDF2 iterations for a new PIN. @default PIN_ITERATIONS */
  readonly iterations?: number;
}

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'focusin'] as const;

/**
 * The kiosk's hidden admin screen, as a Lit controller rendered by its host (no element of its
 * own: the product registers only `storevoice-widget`). `open()` shows a modal PIN pad; the right
 * PIN shows the settings form; with no PIN stored yet, `open()` asks the manager to choose one
 * first, so the screen is never open by default. Escape, Cancel and 2 minutes without a touch
 * close it. Wrong PINs lock the pad out (see {@link PinGate}).
 *
 * What the screen shows is one {@link AdminState}, changed only by the pure `reduceAdmin()`
 * (admin-state.ts) through `#dispatch()`; this controller gathers what the reducer must not look
 * up itself (stored settings, the lockout), runs the work it asks for (PIN checks, storage,
 * timers) and does the DOM's part (the modal dialog, focus).
 *
 * @example
 * class KioskShell extends LitElement {
 *   static styles = [adminStyles];
 *   private admin = new KioskAdminController(this, {
 *     storageKey: 'storevoice:kiosk',
 *     surveys: ['store-exit', 'till'],
 *     onSave: (settings) => this.apply(settings),
 *     onClose: () => this.corner?.focus(),
 *   });
 *   firstUpdated() { attachLongPress(this.corner!, { onLongPress: () => this.admin.open() }); }
 *   render() { return html`…${this.admin.render()}`; }
 * }
 */
export class KioskAdminController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: KioskAdminOptions;
  readonly #storage: KioskStorage | undefined;
  readonly #gate: PinGate;
  #state: AdminState = CLOSED;
  /** The focus request last carried out: a state keeps its request until a new one replaces it. */
  #focused: AdminFocus | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #tickTimer: ReturnType<typeof setInterval> | undefined;
  #returnFocus: HTMLElement | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: KioskAdminOptions) {
    this.#host = host;
    this.#options = options;
    this.#storage = 'storage' in options ? options.storage : defaultStorage();
    this.#gate = new PinGate({
      storageKey: options.storageKey,
      storage: this.#storage,
      ...(options.now && { now: options.now }),
      ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
      ...(options.lockoutMs !== undefined && { lockoutMs: options.lockoutMs }),
    });
    host.addController(this);
  }

  /** True from `open()` until the admin screen closes. */
  get isOpen(): boolean {
    return this.#state.screen !== 'closed';
  }

  /** Shows the PIN pad (or "choose a PIN" when none is stored). Does nothing when already open. */
  open(): void {
    if (this.isOpen) return;
    this.#returnFocus = deepActiveElement();
    const lockedUntil = this.#gate.lockedUntil();
    this.#dispatch({ type: 'open', settings: this.#settings(), lockedFor: lockedUntil === undefined ? undefined : lockedUntil - this.#now() });
    for (const type of ACTIVITY) this.#host.addEventListener(type, this.#onActivity);
    this.#onActivity();
  }

  /** Closes the admin screen without saving, forgets what was typed, and calls `onClose`. */
  close(): void {
    if (this.isOpen) this.#dispatch({ type: 'close' });
  }

  hostDisconnected(): void {
    // Taken off the page while open: nothing may keep running, and nothing typed may stay. Not
    // through #dispatch(): the host is gone, so there is nothing to redraw and no focus to give back.
    this.#state = CLOSED;
    this.#stop();
  }

  hostUpdated(): void {
    const state = this.#state;
    const dialog = this.#dialog();
    if (state.screen === 'closed' || !dialog) return;
    if (!dialog.open && dialog.isConnected) dialog.showModal();
    const { focus } = state;
    if (focus === this.#focused) return;
    this.#focused = focus;
    const target = focus.on === 'keys' ? firstKeyOf(dialog) : focus.on === 'field' ? controlOf(dialog, focus.name) : removeButtonOf(dialog, focus.id);
    target?.focus();
  }

  /** The admin screen: a modal `<dialog>` with the PIN pad or the form; nothing while closed. */
  render(): TemplateResult {
    const state = this.#state;
    if (state.screen === 'closed') return html``;
    // English only (admin-messages.ts), whatever language the customer screens are in.
    return html`<dialog
      class="sv-admin"
      part="admin"
      lang="en"
      dir="ltr"
      aria-labelledby=${state.screen === 'settings' ? SETTINGS_TITLE_ID : PIN_TITLE_ID}
      @keydown=${this.#onKeydown}
      @cancel=${this.#onCancelEvent}
      @close=${this.#onDialogClosed}
    >
      ${state.screen === 'settings'
        ? renderSettingsForm({
            draft: state.draft,
            errors: state.errors,
            status: state.status,
            surveys: this.#options.surveys,
            onChange: (change) => this.#dispatch({ type: 'edit', change }),
            onAdd: () => this.#dispatch({ type: 'add' }),
            onRemove: (id) => this.#dispatch({ type: 'remove', id }),
            onChangePin: () => this.#dispatch({ type: 'change-pin' }),
            onSave: () => this.#dispatch({ type: 'save', pin: this.#settings().pin }),
            onCancel: () => this.close(),
          })
        : this.#renderPin(state)}
    </dialog>`;
  }

  #renderPin(state: PadScreen): TemplateResult {
    const lockedUntil = state.screen === 'enter-pin' ? this.#gate.lockedUntil() : undefined;
    const choosingFirst = state.screen === 'new-pin' && !state.form;
    return renderPinPad({
      title: state.screen === 'enter-pin' ? m.enterPinTitle : state.screen === 'confirm-pin' ? m.confirmPinTitle : choosingFirst ? m.newPinTitle : m.changePinTitle,
      hint: choosingFirst ? m.newPinHint : undefined,
      count: state.digits.length,
      message: state.message,
      countdown: lockedUntil === undefined ? undefined : m.lockedCountdown(clock(lockedUntil - this.#now())),
      disabled: state.busy || lockedUntil !== undefined,
      busy: state.busy,
      onDigit: (digit) => this.#dispatch({ type: 'digit', digit, locked: this.#locked() }),
      onDelete: () => this.#dispatch({ type: 'delete' }),
      onSubmit: () => this.#dispatch({ type: 'submit', locked: this.#locked() }),
      onCancel: () => this.#dispatch({ type: 'cancel-pin' }),
    });
  }

  /** The one way the admin screen changes: the reducer's next state, then its effects. */
  #dispatch(event: AdminEvent): void {
    const wasOpen = this.isOpen;
    const { state, command } = reduceAdmin(this.#state, event);
    this.#state = state;
    this.#host.requestUpdate();
    if (wasOpen && !this.isOpen) this.#closed();
    if (command) void this.#run(command);
  }

  /** Does the work a transition asked for; what it finds out comes back as an event. */
  #run(command: AdminCommand): void {
    if (command.run === 'tick') this.#tick();
    else if (command.run === 'save') this.#save(command.settings);
    else void this.#pinWork(command);
  }

  /** Checks, hashes or stores a PIN; a failure (no Web Crypto, storage refusing the PIN) is said on the pad. */
  async #pinWork(command: Extract<AdminCommand, { run: 'check-pin' | 'hash-pin' | 'store-pin' }>): Promise<void> {
    let event: AdminEvent;
    try {
      if (command.run === 'check-pin') {
        const stored = this.#settings().pin;
        const check = stored && (await this.#gate.check(command.digits, stored));
        event = { type: 'checked', check, settings: this.#settings(), now: this.#now() };
      } else if (command.run === 'hash-pin') {
        const { iterations } = this.#options;
        event = { type: 'hashed', pin: await hashPin(command.digits, iterations ? { iterations } : {}) };
      } else {
        // A PIN is stored at once, not with Save: the manager has just been told it is the PIN.
        saveKioskSettings(this.#options.storageKey, { ...this.#settings(), pin: command.pin }, this.#storage);
        this.#gate.reset();
        event = { type: 'stored', settings: this.#settings() };
      }
    } catch (error) {
      console.error('[storevoice] kiosk admin:', error);
      event = { type: 'pin-failed' };
    }
    this.#dispatch(event);
  }

  #save(settings: KioskSettings): void {
    let saved: KioskSettings;
    try {
      saved = saveKioskSettings(this.#options.storageKey, settings, this.#storage);
    } catch (error) {
      this.#dispatch({ type: 'save-failed', reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.#options.onSave(saved);
    this.close();
  }

  /** Redraws the countdown every second while locked out; stops by itself when the lockout ends. */
  #tick(): void {
    if (this.#tickTimer !== undefined) return;
    this.#tickTimer = setInterval(() => {
      const locked = this.#gate.lockedUntil() !== undefined;
      if (!locked) {
        clearInterval(this.#tickTimer);
        this.#tickTimer = undefined;
      }
      this.#dispatch({ type: 'tick', locked });
    }, 1000);
  }

  /** The admin screen has just closed: stop everything, give focus back, tell the host. */
  #closed(): void {
    this.#stop();
    this.#dialog()?.close();
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus();
    this.#options.onClose();
  }

  #stop(): void {
    this.#focused = undefined;
    clearTimeout(this.#idleTimer);
    clearInterval(this.#tickTimer);
    this.#idleTimer = undefined;
    this.#tickTimer = undefined;
    for (const type of ACTIVITY) this.#host.removeEventListener(type, this.#onActivity);
  }

  /** Whether the PIN pad is asking for the PIN during a lockout (digits and OK are ignored then). */
  #locked(): boolean {
    return this.#state.screen === 'enter-pin' && this.#gate.lockedUntil() !== undefined;
  }

  /** The admin dialog on screen, if rendered; one per host (the widget has one shadow root). */
  #dialog(): HTMLDialogElement | null {
    return (this.#host.shadowRoot ?? this.#host).querySelector<HTMLDialogElement>('dialog.sv-admin');
  }

  #settings(): KioskSettings {
    return loadKioskSettings(this.#options.storageKey, this.#storage);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  /** Any touch or key restarts the idle countdown; an admin screen left open closes by itself. */
  readonly #onActivity = () => {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.close(), this.#options.idleMs ?? 120_000);
  };

  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here rather than by the dialog's own cancel, which Chromium may skip without a user gesture.
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };

  readonly #onCancelEvent = (event: Event) => {
    event.preventDefault();
    this.close();
  };

  /** The dialog closed by other means (the browser's close watcher): keep the state in step. */
  readonly #onDialogClosed = () => {
    if (this.isOpen) this.close();
  };
}

/** The focused element, looking through shadow roots, to give focus back on close. */
function deepActiveElement(): HTMLElement | undefined {
  let active = typeof document === 'undefined' ? null : document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/** 299 500 ms → "5:00" (rounded up, so it never shows 0:00 while still locked). */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
