import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { fetchPulseLinks, pulseQrSrc, replacePulseLink, revokePulseLink, type PulseLink } from './api.js';
import { pulseDashboardTexts as T } from './texts.js';

/**
 * The pulse link and QR code of each store in the place on screen, for its managers: make,
 * replace, revoke, print (the print stylesheet shows only the card being printed: a poster for
 * the staff room). The collector decides which stores a user may handle.
 * @summary Pulse links of the stores in scope.
 */
export class SvPulseLinks extends LightElement {
  static override properties = { context: { attribute: false }, busy: { state: true }, problem: { state: true } };
  declare context: ViewContext | undefined;
  declare busy: string | undefined;
  declare problem: string | undefined;
  readonly #i18n = new LocaleController(this);
  readonly #links = new Task(this, {
    task: ([ready], { signal }) => (ready ? fetchPulseLinks(signal) : initialState),
    args: () => [this.context !== undefined] as const,
    onError: reportSessionEnd(this),
  });

  /** The stores of the place on screen: one store's page shows that store only. */
  #inPlace(links: readonly PulseLink[]): PulseLink[] {
    const scope = this.context?.route.scope;
    return links.filter((l) => (scope?.store === undefined || l.store === scope.store) && (scope?.region === undefined || l.region === scope.region));
  }

  async #change(link: PulseLink, action: 'replace' | 'revoke'): Promise<void> {
    const c = this.context;
    if (!c) return;
    // A native confirm: revoking cuts off every phone that has the link, and cannot be undone.
    if (action === 'revoke' && !window.confirm(this.#i18n.pick(T.confirmRevoke)(link.name))) return;
    this.busy = link.store;
    this.problem = undefined;
    try {
      if (action === 'replace') await replacePulseLink(link.store, c.session.csrfToken);
      else await revokePulseLink(link.store, c.session.csrfToken);
      await this.#links.run();
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = undefined;
    }
  }

  #print(card: HTMLElement): void {
    // Print only this card: the print stylesheet hides the rest while the attribute is set.
    card.setAttribute('data-printing', '');
    document.body.classList.add('printing-one');
    const done = () => {
      card.removeAttribute('data-printing');
      document.body.classList.remove('printing-one');
    };
    window.addEventListener('afterprint', done, { once: true });
    window.print();
  }

  #card(link: PulseLink) {
    const pick = this.#i18n.pick.bind(this.#i18n);
    const busy = this.busy === link.store;
    return html`<li class="pulse-link" aria-labelledby="pulse-link-${link.store}">
      <h3 id="pulse-link-${link.store}">${link.name}</h3>
      ${link.url
        ? html`<img class="pulse-qr" src=${pulseQrSrc(link.store)} alt=${pick(T.qrAlt)(link.name)} width="200" height="200" />
            <p class="pulse-print-note">${pick(T.printNote)}</p>
            <p class="pulse-url"><a href=${link.url}>${link.url}</a></p>`
        : html`<p>${pick(T.noLink)}</p>`}
      <div class="pulse-actions">
        ${link.url ? html`<button type="button" @click=${(e: Event) => this.#print((e.currentTarget as HTMLElement).closest('li')!)}>${pick(T.print)}</button>` : nothing}
        <button type="button" ?disabled=${busy} @click=${() => void this.#change(link, 'replace')}>${link.url ? pick(T.replace) : pick(T.make)}</button>
        ${link.url ? html`<button type="button" class="danger" ?disabled=${busy} @click=${() => void this.#change(link, 'revoke')}>${pick(T.revoke)}</button>` : nothing}
      </div>
    </li>`;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m } = this.#i18n;
    const pick = this.#i18n.pick.bind(this.#i18n);
    return html`<section class="pulse-links-section">
      <h2 id="pulse-links-h">${pick(T.links)}</h2>
      <p>${pick(T.linksIntro)}</p>
      ${this.problem ? html`<p class="state state-error" role="alert">${this.problem}</p>` : nothing}
      ${renderTaskState(this.#links, {
        m,
        place: c.place,
        complete: (links) => html`<ul class="pulse-links">${this.#inPlace(links).map((link) => this.#card(link))}</ul>`,
      })}
    </section>`;
  }
}
