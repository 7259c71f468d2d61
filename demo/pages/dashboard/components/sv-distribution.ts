import { html } from 'lit';
import type { DistributionResponse } from '../../../server/stats/types.js';
import { LightElement } from './light-element.js';

/** How answers spread over each scale, as tables with a bar (`<meter>`, no inline styles) per value. */
export class SvDistribution extends LightElement {
  static override properties = { data: { attribute: false } };
  declare data: DistributionResponse | undefined;

  override render() {
    const d = this.data;
    if (!d) return html``;
    if (d.insufficientResponses) return html`<p>Not enough responses to show how answers are spread.</p>`;
    const scales: Array<[string, number[] | null, number]> = [
      ['NPS (0–10)', d.nps, 0],
      ['CSAT (1–5)', d.csat, 1],
      ['Smiley (1–5)', d.smiley, 1],
      ['Stars (1–5)', d.stars, 1],
    ];
    return html`${scales
      .filter(([, counts]) => counts && counts.some((c) => c > 0))
      .map(([label, counts, first]) => {
        const list = counts ?? [];
        const max = Math.max(1, ...list);
        return html`<table class="distribution">
          <caption>${label}</caption>
          <thead><tr><th scope="col">Answer</th><th scope="col">Count</th><th scope="col"><span class="visually-hidden">Share</span></th></tr></thead>
          <tbody>
            ${list.map((count, i) => html`<tr><th scope="row">${first + i}</th><td>${count}</td><td><meter min="0" max=${max} value=${count} aria-hidden="true"></meter></td></tr>`)}
          </tbody>
        </table>`;
      })}`;
  }
}
