import type { ReactiveController, ReactiveControllerHost } from 'lit';
// lit-html only, and no `ref` directive: kiosk.js (the script tag's kiosk mode) bundles this file
// and must stay small; its templates are rendered by the bundle's own copy of Lit.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { adminMessages as m } from './admin-messages.js';
import { addMember, draftFrom, removeMember, settingsFromDraft, type FieldErrors, type SettingsDraft } from './internal/draft.js';
import { PIN_TITLE_ID, renderPinPad } from './internal/pin-pad.js';
import { fieldId, renderSettingsForm, SETTINGS_TITLE_ID } from './internal/settings-form.js';
import { defaultStorage, type KioskStorage } from './internal/store.js';
import { PinGate, hashPin, isValidPin } from './pin.js';
import type { KioskSettings } from './settings.js';
import { loadKioskSettings, saveKioskSettings } from './storage.js';

/** Where the admin screen is: asking for the PIN, choosing one (first open, or Change PIN), or the form. */
type Screen = 'closed' | 'enter-pin' | 'new-pin' | 'confirm-pin' | 'settings';

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
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: KioskAdminOptions;
  private readonly storage: KioskStorage | undefined;
  private readonly gate: PinGate;
  private screen: Screen = 'closed';
  /** The digits typed so far; only ever in memory, never rendered. */
  private digits = '';
  /** The first entry of a new PIN, until it is confirmed. */
  private firstEntry = '';
  /** Why a new PIN is being chosen: none was set, or "Change PIN". */
  private choosing: 'first' | 'change' = 'first';
  private message = '';
  private busy = false;
  private draft: SettingsDraft | undefined;
  private errors: FieldErrors = new Map();
  private status = '';
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private returnFocus: HTMLElement | undefined;
  /** A selector to focus once the next render is on screen. */
  private focusNext: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: KioskAdminOptions) {
    this.host = host;
    this.options = options;
    this.storage = 'storage' in options ? options.storage : defaultStorage();
    this.gate = new PinGate({
      storageKey: options.storageKey,
      storage: this.storage,
      ...(options.now && { now: options.now }),
      ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
      ...(options.lockoutMs !== undefined && { lockoutMs: options.lockoutMs }),
    });
    host.addController(this);
  }

  /** True from `open()` until the admin screen closes. */
  get isOpen(): boolean {
    return this.screen !== 'closed';
  }

  /** Shows the PIN pad (or "choose a PIN" when none is stored). Does nothing when already open. */
  open(): void {
    if (this.isOpen) return;
    this.returnFocus = deepActiveElement();
    this.reset();
    this.choosing = 'first';
    this.show(this.settings().pin ? 'enter-pin' : 'new-pin');
    for (const type of ACTIVITY) this.host.addEventListener(type, this.onActivity);
    this.onActivity();
  }

  /** Closes the admin screen without saving, forgets what was typed, and calls `onClose`. */
  close(): void {
    if (!this.isOpen) return;
    this.stop();
    this.host.requestUpdate();
    this.dialog()?.close();
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus();
    this.options.onClose();
  }

  hostDisconnected(): void {
    // Taken off the page while open: nothing may keep running, and nothing typed may stay.
    this.stop();
  }

  hostUpdated(): void {
    const dialog = this.dialog();
    if (this.isOpen && dialog && !dialog.open && dialog.isConnected) dialog.showModal();
    if (this.focusNext && dialog) {
      dialog.querySelector<HTMLElement>(this.focusNext)?.focus();
      this.focusNext = undefined;
    }
  }

  /** The admin screen: a modal `<dialog>` with the PIN pad or the form; nothing while closed. */
  render(): TemplateResult {
    if (!this.isOpen) return html``;
    const labelledBy = this.screen === 'settings' ? SETTINGS_TITLE_ID : PIN_TITLE_ID;
    // English only (admin-messages.ts), whatever language the customer screens are in.
    return html`<dialog
      class="sv-admin"
      part="admin"
      lang="en"
      dir="ltr"
      aria-labelledby=${labelledBy}
      @keydown=${this.onKeydown}
      @cancel=${this.onCancelEvent}
      @close=${this.onDialogClosed}
    >
      ${this.screen === 'settings' ? this.renderSettings() : this.renderPin()}
    </dialog>`;
  }

  private renderPin(): TemplateResult {
    const lockedUntil = this.screen === 'enter-pin' ? this.gate.lockedUntil() : undefined;
    const title = this.screen === 'enter-pin' ? m.enterPinTitle : this.screen === 'confirm-pin' ? m.confirmPinTitle : this.choosing === 'first' ? m.newPinTitle : m.changePinTitle;
    return renderPinPad({
      title,
      hint: this.screen === 'new-pin' && this.choosing === 'first' ? m.newPinHint : undefined,
      count: this.digits.length,
      message: this.message,
      countdown: lockedUntil === undefined ? undefined : m.lockedCountdown(clock(lockedUntil - this.now())),
      disabled: this.busy || lockedUntil !== undefined,
      busy: this.busy,
      onDigit: (digit) => this.typeDigit(digit),
      onDelete: () => this.deleteDigit(),
      onSubmit: () => void this.submitPin(),
      onCancel: () => this.cancelPin(),
    });
  }

  private renderSettings(): TemplateResult | typeof nothing {
    const draft = this.draft;
    if (!draft) return nothing;
    return renderSettingsForm({
      draft,
      errors: this.errors,
      status: this.status,
      surveys: this.options.surveys,
      busy: this.busy,
      onChange: (change) => {
        const current = this.draft ?? draft;
        const patch = typeof change === 'function' ? change(current) : change;
        this.draft = { ...current, ...patch };
        // An edited field's error goes as soon as the field changes, not at the next Save.
        if (Object.keys(patch).some((name) => this.errors.has(name as keyof SettingsDraft))) {
          const errors = new Map(this.errors);
          for (const name of Object.keys(patch)) errors.delete(name as keyof SettingsDraft);
          this.errors = errors;
        }
        this.host.requestUpdate();
      },
      onAdd: () => this.add(),
      onRemove: (id) => this.remove(id),
      onChangePin: () => {
        this.choosing = 'change';
        this.show('new-pin');
      },
      onSave: () => this.save(),
      onCancel: () => this.close(),
    });
  }

  private typeDigit(digit: string): void {
    if (this.busy || (this.screen === 'enter-pin' && this.gate.lockedUntil() !== undefined) || this.digits.length >= 12) return;
    this.digits += digit;
    this.message = '';
    this.host.requestUpdate();
  }

  private deleteDigit(): void {
    this.digits = this.digits.slice(0, -1);
    this.host.requestUpdate();
  }

  private cancelPin(): void {
    // Cancelling "Change PIN" goes back to the form; anything else leaves the admin screen.
    if (this.choosing === 'change' && this.screen !== 'enter-pin') this.show('settings');
    else this.close();
  }

  private async submitPin(): Promise<void> {
    if (this.busy) return;
    const digits = this.digits;
    if (this.screen === 'enter-pin' && this.gate.lockedUntil() !== undefined) return;
    if (!isValidPin(digits)) {
      this.say(m.tooShort);
      return;
    }
    this.digits = '';
    if (this.screen === 'new-pin') {
      this.firstEntry = digits;
      this.show('confirm-pin');
      return;
    }
    this.busy = true;
    this.host.requestUpdate();
    try {
      if (this.screen === 'confirm-pin') await this.confirmNewPin(digits);
      else await this.checkPin(digits);
    } catch (error) {
      console.error('[storevoice] kiosk admin:', error);
      this.say(m.pinError);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private async checkPin(digits: string): Promise<void> {
    const stored = this.settings().pin;
    if (!stored) return this.show('new-pin');
    const check = await this.gate.check(digits, stored);
    if (!this.isOpen) return;
    if (check.ok) return this.show('settings');
    if (check.lockedUntil !== undefined) {
      this.say(m.lockedOut(Math.ceil((check.lockedUntil - this.now()) / 60_000)));
      this.tick();
    } else if (check.reason === 'wrong') this.say(m.wrongPin(check.attemptsLeft));
  }

  private async confirmNewPin(digits: string): Promise<void> {
    const first = this.firstEntry;
    this.firstEntry = '';
    if (digits !== first) {
      this.show('new-pin', m.pinMismatch);
      return;
    }
    const pin = await hashPin(digits, this.options.iterations ? { iterations: this.options.iterations } : {});
    if (!this.isOpen) return;
    // A PIN is stored at once, not with Save: the manager has just been told it is the PIN.
    saveKioskSettings(this.options.storageKey, { ...this.settings(), pin }, this.storage);
    this.gate.reset();
    const wasChange = this.choosing === 'change';
    this.choosing = 'first';
    this.show('settings', wasChange ? m.pinChanged : '');
  }

  private add(): void {
    if (!this.draft) return;
    const result = addMember(this.draft);
    if ('errors' in result) {
      this.errors = new Map([...this.errors, ...result.errors]);
      this.focusNext = `#${fieldId([...result.errors.keys()][0] ?? 'newId')}`;
    } else {
      this.draft = result.draft;
      this.status = m.added(result.added.name);
      this.focusNext = `#${fieldId('newId')}`;
    }
    this.host.requestUpdate();
  }

  private remove(id: string): void {
    if (!this.draft) return;
    const roster = this.draft.staffRoster;
    const index = roster.findIndex((member) => member.id === id);
    const member = roster[index];
    if (!member) return;
    this.draft = removeMember(this.draft, id);
    this.status = m.removed(member.name);
    // Focus stays in the list: the next row's Remove, else the previous one, else the Add row.
    const neighbour = roster[index + 1] ?? roster[index - 1];
    this.focusNext = neighbour ? `[data-remove="${CSS.escape(neighbour.id)}"]` : `#${fieldId('newId')}`;
    this.host.requestUpdate();
  }

  private save(): void {
    if (!this.draft || this.busy) return;
    const result = settingsFromDraft(this.draft, this.settings().pin);
    if ('errors' in result) {
      this.errors = result.errors;
      this.status = m.fixProblems(result.errors.size);
      const first = [...result.errors.keys()][0];
      if (first) this.focusNext = `#${fieldId(first)}, [aria-describedby~="${fieldId(first)}-error"]`;
      this.host.requestUpdate();
      return;
    }
    let saved: KioskSettings;
    try {
      saved = saveKioskSettings(this.options.storageKey, result.settings, this.storage);
    } catch (error) {
      this.status = m.saveFailed(error instanceof Error ? error.message : String(error));
      this.host.requestUpdate();
      return;
    }
    this.options.onSave(saved);
    this.close();
  }

  /** Moves to a screen, with a fresh pad and an optional message. */
  private show(screen: Screen, message = ''): void {
    this.screen = screen;
    this.digits = '';
    this.message = screen === 'settings' ? '' : message;
    if (screen === 'settings') {
      this.draft ??= draftFrom(this.settings());
      this.status = message;
      this.focusNext = `#${fieldId('brand')}`;
    } else {
      this.focusNext = '.keys button';
      if (screen === 'enter-pin' && this.gate.lockedUntil() !== undefined) {
        this.message = m.lockedOut(Math.ceil(((this.gate.lockedUntil() ?? 0) - this.now()) / 60_000));
        this.tick();
      }
    }
    this.host.requestUpdate();
  }

  private say(message: string): void {
    this.message = message;
    this.host.requestUpdate();
  }

  /** Redraws the countdown every second while locked out; stops by itself when the lockout ends. */
  private tick(): void {
    if (this.tickTimer !== undefined) return;
    this.tickTimer = setInterval(() => {
      if (this.gate.lockedUntil() === undefined) {
        clearInterval(this.tickTimer);
        this.tickTimer = undefined;
        this.message = '';
      }
      this.host.requestUpdate();
    }, 1000);
  }

  /** The admin dialog on screen, if rendered; one per host (the widget has one shadow root). */
  private dialog(): HTMLDialogElement | null {
    return (this.host.shadowRoot ?? this.host).querySelector<HTMLDialogElement>('dialog.sv-admin');
  }

  private settings(): KioskSettings {
    return loadKioskSettings(this.options.storageKey, this.storage);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private reset(): void {
    this.digits = '';
    this.firstEntry = '';
    this.message = '';
    this.busy = false;
    this.draft = undefined;
    this.errors = new Map();
    this.status = '';
    this.focusNext = undefined;
  }

  private stop(): void {
    this.screen = 'closed';
    this.reset();
    clearTimeout(this.idleTimer);
    clearInterval(this.tickTimer);
    this.idleTimer = undefined;
    this.tickTimer = undefined;
    for (const type of ACTIVITY) this.host.removeEventListener(type, this.onActivity);
  }

  /** Any touch or key restarts the idle countdown; an admin screen left open closes by itself. */
  private readonly onActivity = () => {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.options.idleMs ?? 120_000);
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here rather than by the dialog's own cancel, which Chromium may skip without a user gesture.
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };

  private readonly onCancelEvent = (event: Event) => {
    event.preventDefault();
    this.close();
  };

  /** The dialog closed by other means (the browser's close watcher): keep the state in step. */
  private readonly onDialogClosed = () => {
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
