import { html, nothing } from 'lit';
import { LightElement } from '../components/light-element.js';
import { LocaleController } from '../i18n/localizer.js';
import type { Banner } from './events.js';

/**
 * The shell's banner area: notices that concern the whole dashboard (a language that could not
 * be saved, later a customer asking for a manager now). Each can be dismissed.
 * @event sv-banner-dismiss - detail: the banner's id
 * @summary Banner area.
 */
export class SvBanners extends LightElement {
  static override properties = { banners: { attribute: false } };
  declare banners: readonly Banner[];
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.banners = [];
  }

  #dismiss(id: string): void {
    this.dispatchEvent(new CustomEvent('sv-banner-dismiss', { detail: id, bubbles: true }));
  }

  override render() {
    const { m } = this.#i18n;
    // The live regions stay in the page when empty, so a banner added later is announced.
    const list = (tone: 'urgent' | 'polite') => this.banners.filter((b) => (b.tone === 'urgent') === (tone === 'urgent'));
    const item = (banner: Banner) => html`<li class="banner ${banner.tone}">
      <p>${typeof banner.text === 'function' ? banner.text(m) : banner.text}</p>
      <button type="button" @click=${() => this.#dismiss(banner.id)}>${m.app.dismiss}</button>
    </li>`;
    const urgent = list('urgent');
    const polite = list('polite');
    return html`<section class="banners" aria-label=${m.app.notices}>
      <ul role="alert">${urgent.length ? urgent.map(item) : nothing}</ul>
      <ul role="status">${polite.length ? polite.map(item) : nothing}</ul>
    </section>`;
  }
}
