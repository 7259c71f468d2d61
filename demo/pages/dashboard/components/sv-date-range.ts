import { html, nothing } from 'lit';
import type { DateRange } from '../router/date-range.js';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

declare global {
  interface HTMLElementEventMap {
    'sv-range-change': CustomEvent<Partial<DateRange>>;
  }
}

/**
 * The date range of the figures: two date fields and Apply. It shows the range whose figures are
 * on screen; a start after the end is refused here with a message, before any request. An empty
 * field means the default (the last 30 days).
 * @event sv-range-change - detail: the new `{ from?, to? }`
 * @summary Date-range form.
 */
export class SvDateRange extends LightElement {
  static override properties = { range: { attribute: false }, error: { state: true } };
  declare range: DateRange | undefined;
  declare error: string;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.error = '';
  }

  #handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const from = String(data.get('from') ?? '') || undefined;
    const to = String(data.get('to') ?? '') || undefined;
    if (from && to && from > to) {
      this.error = this.#i18n.m.range.startAfterEnd;
      return;
    }
    this.error = '';
    this.dispatchEvent(new CustomEvent('sv-range-change', { detail: { from, to }, bubbles: true }));
  }

  override render() {
    const { m } = this.#i18n;
    return html`<form class="range" @submit=${this.#handleSubmit} aria-label=${m.range.label} aria-describedby="range-note range-error">
      <div class="field"><label for="range-from">${m.range.from}</label><input id="range-from" name="from" type="date" .value=${this.range?.from ?? ''} aria-invalid=${this.error ? 'true' : nothing} /></div>
      <div class="field"><label for="range-to">${m.range.to}</label><input id="range-to" name="to" type="date" .value=${this.range?.to ?? ''} /></div>
      <button type="submit">${m.range.apply}</button>
      <p id="range-error" class="error" role="alert">${this.error}</p>
      <p id="range-note" class="note">${m.range.utcDays}</p>
    </form>`;
  }
}
