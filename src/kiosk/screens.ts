import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { KioskMessages, Messages } from '../i18n/messages.js';

/** One language button of the attract screen. */
export interface LanguageChoice {
  /** The tag as configured (`fr`, `pt-BR`). */
  readonly tag: string;
  /** Its own name, in itself ("Français"). */
  readonly name: string;
  readonly current: boolean;
}

export interface AttractOptions {
  readonly messages: KioskMessages;
  /** The survey's first question, when it is a smiley: one tap on the attract screen answers it. */
  readonly question: TemplateResult | undefined;
  readonly languages: readonly LanguageChoice[];
  readonly onStart: () => void;
  readonly onLanguage: (tag: string) => void;
}

/** The screen between customers: an invitation (or the smileys themselves) and the language choice. */
export function attractScreen(options: AttractOptions): TemplateResult {
  const { messages, question, languages } = options;
  return html`${question ??
    html`<h2 class="attract-title">${messages.attractTitle}</h2>
      <button part="button primary" type="button" class="primary start" @click=${options.onStart}>${messages.start}</button>`}
  ${languages.length > 1
    ? html`<div class="languages" role="group" aria-label=${messages.chooseLanguage}>
        ${languages.map(
          (choice) =>
            html`<button part="button language" type="button" class="language" lang=${choice.tag} aria-pressed=${choice.current ? 'true' : 'false'} @click=${() => options.onLanguage(choice.tag)}>
              ${choice.name}
            </button>`,
        )}
      </div>`
    : nothing}`;
}

/** "Would you like to speak to a manager now?", after a bad score when `manager-help` is on. */
export function offerScreen(messages: KioskMessages, onChoice: (wanted: boolean) => void): TemplateResult {
  return html`<h2 class="offer-title">${messages.helpQuestion}</h2>
    <div class="offer-actions">
      <button part="button primary" type="button" class="primary" @click=${() => onChoice(true)}>${messages.helpYes}</button>
      <button part="button" type="button" class="secondary" @click=${() => onChoice(false)}>${messages.helpNo}</button>
    </div>`;
}

export interface ThanksOptions {
  readonly messages: Messages;
  readonly kiosk: KioskMessages;
  /** The survey's own thank-you text, localized, if it has one. */
  readonly thankYou: string | undefined;
  /** Nothing was queued (refused, or invalid): say so, honestly. */
  readonly failed: boolean;
  /** The customer asked for a manager: `notified` only when the alert destination acknowledged it. */
  readonly manager: 'notified' | 'saved' | undefined;
}

/** The thank-you screen; taps on it are ignored (and counted, see rate-limiter.ts). */
export function thanksScreen(options: ThanksOptions): TemplateResult {
  const { messages, kiosk } = options;
  return html`<p part="status" class="status thanks-message">${options.failed ? messages.failedTitle : (options.thankYou ?? messages.thanks)}</p>
    ${options.manager ? html`<p class="manager">${options.manager === 'notified' ? kiosk.managerNotified : kiosk.managerSaved}</p>` : nothing}`;
}
