import { html } from 'lit';
import { CATALOGS, DASHBOARD_LOCALES, type DashboardLocale } from '../i18n/locales.js';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

declare global {
  interface HTMLElementEventMap {
    'sv-locale-change': CustomEvent<DashboardLocale>;
  }
}

/**
 * The language switch: each language named in itself ("Deutsch", "日本語"), marked with its
 * `lang` so screen readers pronounce it right. It only asks; the shell switches and saves.
 * @event sv-locale-change - detail: the chosen locale
 * @summary Language switch.
 */
export class SvLanguageSwitch extends LightElement {
  readonly #i18n = new LocaleController(this);

  #handleChange(event: Event): void {
    const value = (event.currentTarget as HTMLSelectElement).value;
    const locale = DASHBOARD_LOCALES.find((code) => code === value);
    if (locale) this.dispatchEvent(new CustomEvent('sv-locale-change', { detail: locale, bubbles: true }));
  }

  override render() {
    const { m, locale } = this.#i18n;
    return html`<div class="language">
      <label for="language">${m.app.language}</label>
      <select id="language" @change=${this.#handleChange}>
        ${DASHBOARD_LOCALES.map((code) => html`<option value=${code} lang=${code} ?selected=${code === locale}>${CATALOGS[code].languageName}</option>`)}
      </select>
    </div>`;
  }
}
