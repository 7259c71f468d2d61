import { html, nothing } from 'lit';
import { LightElement } from '../components/light-element.js';
import { LocaleController } from '../i18n/localizer.js';
import type { LiveStatus } from './events.js';

/**
 * Whether the dashboard receives live updates. Nothing shows while live updates are `off` (the
 * stats views load on demand); the cases inbox (issue #13) sets it through `sv-live-status`.
 * @summary Live-status indicator.
 */
export class SvLiveStatus extends LightElement {
  static override properties = { status: {} };
  declare status: LiveStatus;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.status = 'off';
  }

  override render() {
    if (this.status === 'off') return nothing;
    const { m } = this.#i18n;
    return html`<p class="live ${this.status}" role="status"><span class="dot" aria-hidden="true"></span>${m.live[this.status]}</p>`;
  }
}
