import { html, nothing } from 'lit';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

/** One step of the trail: a place and the address that shows it. */
export interface Crumb {
  readonly label: string;
  readonly href: string;
}

/**
 * Where the current screen sits in the hierarchy (brand › region › store › staff member), from the
 * user's own level down; each step goes back up. The last step is the current page.
 * @summary Breadcrumb trail.
 */
export class SvBreadcrumbs extends LightElement {
  static override properties = { crumbs: { attribute: false } };
  declare crumbs: readonly Crumb[];
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.crumbs = [];
  }

  override render() {
    // One step is no trail: the heading already names the place.
    if (this.crumbs.length < 2) return nothing;
    const last = this.crumbs.length - 1;
    return html`<nav aria-label=${this.#i18n.m.app.breadcrumb}>
      <ol class="trail">
        ${this.crumbs.map((crumb, i) => html`<li><a href=${crumb.href} aria-current=${i === last ? 'page' : nothing}><bdi>${crumb.label}</bdi></a></li>`)}
      </ol>
    </nav>`;
  }
}
