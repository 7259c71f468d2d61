import { html, nothing } from 'lit';
import type { DistributionResponse } from '../../../server/stats/types.js';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

/**
 * How answers spread over each scale, as tables with a bar per value (`<meter>`: no inline
 * styles, which the dashboard's CSP forbids).
 * @summary Answer counts per scale value.
 */
export class SvDistribution extends LightElement {
  static override properties = { data: { attribute: false } };
  declare data: DistributionResponse | undefined;
  readonly #i18n = new LocaleController(this);

  override render() {
    const d = this.data;
    if (!d) return nothing;
    const { m, f } = this.#i18n;
    if (d.insufficientResponses) return html`<p class="state state-empty">${m.distribution.withheld}</p>`;
    const scales: Array<[string, number[] | null, number]> = [
      [m.distribution.nps, d.nps, 0],
      [m.distribution.csat, d.csat, 1],
      [m.distribution.smiley, d.smiley, 1],
      [m.distribution.stars, d.stars, 1],
    ];
    const shown = scales.filter(([, counts]) => counts?.some((c) => c > 0));
    if (shown.length === 0) return html`<p class="state state-empty">${m.distribution.none}</p>`;
    return html`<div class="distributions">
      ${shown.map(([label, counts, first]) => {
        const list = counts ?? [];
        const max = Math.max(1, ...list);
        return html`<table class="distribution">
          <caption>${label}</caption>
          <thead><tr><th scope="col">${m.distribution.answer}</th><th scope="col">${m.distribution.count}</th><th scope="col"><span class="visually-hidden">${m.distribution.share}</span></th></tr></thead>
          <tbody>
            ${list.map((count, i) => html`<tr><th scope="row">${f.count(first + i)}</th><td>${f.count(count)}</td><td><meter min="0" max=${max} value=${count} aria-hidden="true"></meter></td></tr>`)}
          </tbody>
        </table>`;
      })}
    </div>`;
  }
}
