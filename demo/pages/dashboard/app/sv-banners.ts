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

  #shown = new Set<string>();

  protected override updated(): void {
    const urgent = this.banners.filter((b) => b.tone === 'urgent' && !this.#shown.has(b.id)).at(-1);
    this.#shown = new Set(this.banners.map((b) => b.id));
    if (urgent) this.querySelector<HTMLElement>(`[data-banner="${CSS.escape(urgent.id)}"]`)?.focus();
  }

  #dismiss(id: string): void {
    this.dispatchEvent(new CustomEvent('sv-banner-dismiss', { detail: id, bubbles: true }));
  }

  override render() {
    const { m } = this.#i18n;
    // The live regions stay in the page when empty, so a banner added later is announced.
    const list = (tone: 'urgent' | 'polite') => this.banners.filter((b) => (b.tone === 'urgent') === (tone === 'urgent'));
    // Urgent banners can take focus (they are moved to when they appear), so a keyboard user is
    // at the actions at once.
    const item = (banner: Banner) => html`<li class="banner ${banner.tone}" tabindex=${banner.tone === 'urgent' ? '-1' : nothing} data-banner=${banner.id}>
      <p>${typeof banner.text === 'function' ? banner.text(m) : banner.text}</p>
      ${(banner.actions ?? []).map((a) => (a.href ? html`<a class="button" href=${a.href} @click=${() => a.run?.()}>${a.label}</a>` : html`<button type="button" @click=${() => a.run?.()}>${a.label}</button>`))}
      ${banner.dismissible === false ? nothing : html`<button type="button" @click=${() => this.#dismiss(banner.id)}>${m.app.dismiss}</button>`}
    </li>`;
    const urgent = list('urgent');
    const polite = list('polite');
    // The live regions wrap the lists (a list with role="alert" would lose its list semantics).
    return html`<section class="banners" aria-label=${m.app.notices}>
      <div role="alert">${urgent.length ? html`<ul>${urgent.map(item)}</ul>` : nothing}</div>
      <div role="status">${polite.length ? html`<ul>${polite.map(item)}</ul>` : nothing}</div>
    </section>`;
  }
}
