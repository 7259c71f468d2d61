import { html, type PropertyValues } from 'lit';
import uPlot from 'uplot';
import type { TrendPoint } from '../../../server/stats/types.js';
import { formatMetric } from '../format.js';
import { LightElement } from './light-element.js';

/**
 * Responses and NPS over time (uPlot on a canvas), with the same numbers as a table one click
 * away for screen readers and keyboard users. uPlot sizes elements through the CSSOM, which a
 * `style-src 'self'` policy allows (only inline style attributes and elements are blocked).
 */
export class SvTrendChart extends LightElement {
  static override properties = { points: { attribute: false } };
  declare points: TrendPoint[];
  private chart: uPlot | undefined;

  constructor() {
    super();
    this.points = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('points')) return;
    this.chart?.destroy();
    const target = this.querySelector<HTMLElement>('.chart');
    if (!target || this.points.length === 0) return;
    const x = this.points.map((p) => Date.parse(`${p.period}T00:00:00Z`) / 1000);
    const volume = this.points.map((p) => p.volume);
    const nps = this.points.map((p) => p.nps.value);
    this.chart = new uPlot(
      {
        width: Math.max(280, target.clientWidth || 640),
        height: 220,
        series: [{}, { label: 'Responses', stroke: '#2f6fde', scale: 'n' }, { label: 'NPS', stroke: '#c2410c', scale: 'nps', spanGaps: true }],
        axes: [{}, { scale: 'n', label: 'Responses' }, { scale: 'nps', side: 1, label: 'NPS', grid: { show: false } }],
        scales: { nps: { range: [-100, 100] } },
      },
      [x, volume, nps],
      target,
    );
  }

  override render() {
    return html`<div class="chart" role="img" aria-label="Chart of responses and NPS per period; the table below has the same numbers"></div>
      <details>
        <summary>Trend as a table</summary>
        <table>
          <caption>Responses and scores per period</caption>
          <thead><tr><th scope="col">Period</th><th scope="col">Responses</th><th scope="col">NPS</th><th scope="col">CSAT</th><th scope="col">Smiley</th></tr></thead>
          <tbody>
            ${this.points.map(
              (p) => html`<tr><th scope="row">${p.period}</th><td>${p.volume}</td><td>${formatMetric(p.nps)}</td><td>${formatMetric(p.csat, ' %')}</td><td>${formatMetric(p.smiley)}</td></tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  }
}
