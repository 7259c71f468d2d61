import { html } from 'lit';
import type { Kpis } from '../../../server/stats/types.js';
import { formatCount, formatMetric } from '../format.js';
import { LightElement } from './light-element.js';

/** The four headline numbers, each with the count it rests on. */
export class SvKpis extends LightElement {
  static override properties = { kpis: { attribute: false }, heading: {} };
  declare kpis: Kpis | undefined;
  declare heading: string;

  override render() {
    const k = this.kpis;
    if (!k) return html``;
    const card = (label: string, value: string, n: number, withheld: boolean) =>
      html`<div class="kpi ${withheld ? 'withheld' : ''}">
        <dt>${label}</dt>
        <dd><span class="value">${value}</span> <span class="n">n = ${formatCount(n)}</span></dd>
      </div>`;
    return html`<dl class="kpis" aria-label=${this.heading}>
      ${card('NPS', formatMetric(k.nps), k.nps.n, k.nps.insufficientResponses)}
      ${card('CSAT', formatMetric(k.csat, ' %'), k.csat.n, k.csat.insufficientResponses)}
      ${card('Smiley score', formatMetric(k.smiley, ' / 5'), k.smiley.n, k.smiley.insufficientResponses)}
      ${card('Responses', formatCount(k.volume), k.volume, false)}
    </dl>`;
  }
}
