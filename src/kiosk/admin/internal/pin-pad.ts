import { html, nothing, type TemplateResult } from 'lit/html.js';
import { adminMessages as m } from '../admin-messages.js';

/** What the PIN pad shows; it never receives the digits themselves, only how many there are. */
export interface PinPadView {
  readonly title: string;
  readonly hint?: string | undefined;
  /** Digits entered so far. */
  readonly count: number;
  /** An error or notice, announced when it appears. */
  readonly message?: string | undefined;
  /** "Try again in 4:59": shown, not announced every second. */
  readonly countdown?: string | undefined;
  /** A PIN is being checked or hashed, or the pad is locked out: digits are ignored. */
  readonly disabled: boolean;
  /** A PIN is being checked or hashed (`aria-busy`). */
  readonly busy: boolean;
  readonly onDigit: (digit: string) => void;
  readonly onDelete: () => void;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
}

export const PIN_TITLE_ID = 'sv-admin-pin-title';

/** The pad's first key, where focus goes when a pad appears. */
export const firstKeyOf = (root: ParentNode): HTMLElement | null => root.querySelector<HTMLElement>('.keys button');
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * A number pad: big buttons, one masked dot per digit, Delete, 0, OK, and Cancel. Digits typed on
 * a keyboard work too (Backspace deletes); Enter on a digit button still presses that digit, as a
 * keyboard user expects, and OK submits.
 */
export function renderPinPad(view: PinPadView): TemplateResult {
  const onKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (/^[0-9]$/.test(event.key)) view.onDigit(event.key);
    else if (event.key === 'Backspace') view.onDelete();
    else return;
    event.preventDefault();
  };
  const digit = (value: string) =>
    html`<button type="button" class="key" part="admin-key" aria-disabled=${view.disabled ? 'true' : 'false'} @click=${() => view.onDigit(value)}>${value}</button>`;
  return html`<div class="pin" aria-busy=${view.busy ? 'true' : 'false'} @keydown=${onKeydown}>
    <h2 id=${PIN_TITLE_ID} class="title">${view.title}</h2>
    ${view.hint ? html`<p class="hint">${view.hint}</p>` : nothing}
    <div class="dots" aria-hidden="true">${Array.from({ length: Math.max(view.count, 4) }, (_, i) => html`<span class=${i < view.count ? 'dot filled' : 'dot'}></span>`)}</div>
    <p class="visually-hidden" role="status">${view.count === 0 ? m.noDigits : m.digitsEntered(view.count)}</p>
    <p class="message" role="alert">${view.message ?? ''}</p>
    ${view.countdown ? html`<p class="countdown">${view.countdown}</p>` : nothing}
    <div class="keys" role="group" aria-labelledby=${PIN_TITLE_ID}>
      ${DIGITS.map(digit)}
      <button type="button" class="key secondary" aria-label=${m.deleteDigitLabel} @click=${view.onDelete}>${m.deleteDigit}</button>
      ${digit('0')}
      <button type="button" class="key primary" aria-disabled=${view.disabled ? 'true' : 'false'} @click=${view.onSubmit}>${m.ok}</button>
    </div>
    <div class="actions"><button type="button" class="button secondary" @click=${view.onCancel}>${m.cancel}</button></div>
  </div>`;
}
