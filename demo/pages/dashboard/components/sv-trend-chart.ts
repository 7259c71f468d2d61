import { html, type PropertyValues } from 'lit';
import uPlot from 'uplot';
import type { TrendPoint } from '../../../server/stats/types.js';
import { formatMetric } from '../format/metric.js';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

const HEIGHT = 220;

/**
 * Responses and NPS over time (uPlot on a canvas), with the same numbers as a table one click
 * away for screen readers and keyboard users. Labels and numbers follow the dashboard's
 * language; periods are calendar days (each store's own), drawn as UTC midnights. The chart follows its box's width
 * (a phone in portrait, a desktop window). uPlot sizes elements through the CSSOM, which a
 * `style-src 'self'` policy allows (only inline style attributes and elements are blocked).
 * @summary Trend of responses and NPS.
 */
export class SvTrendChart extends LightElement {
  static override properties = { points: { attribute: false }, bucket: {} };
  declare points: TrendPoint[];
  /** The length of a period. @default 'day' */
  declare bucket: 'day' | 'week';
  readonly #i18n = new LocaleController(this);
  #chart: uPlot | undefined;
  #drawnLocale: string | undefined;
  readonly #resize = new ResizeObserver(() => this.#fit());

  constructor() {
    super();
    this.points = [];
    this.bucket = 'day';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('points') && this.#drawnLocale === this.#i18n.locale) return;
    this.#draw();
  }

  #draw(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#drawnLocale = this.#i18n.locale;
    const target = this.querySelector<HTMLElement>('.chart');
    if (!target || this.points.length === 0) return;
    const { m, f } = this.#i18n;
    const x = this.points.map((p) => Date.parse(`${p.period}T00:00:00Z`) / 1000);
    const dash = (value: number | null | undefined, format: (v: number) => string) => (value === null || value === undefined ? '—' : format(value));
    this.#chart = new uPlot(
      {
        width: this.#width(target),
        height: HEIGHT,
        // The API's periods are calendar dates: drawn in UTC, a point never lands on the day before.
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
        series: [
          { label: this.bucket === 'week' ? m.trend.week : m.trend.day, value: (_u, v) => dash(v, (s) => f.day(new Date(s * 1000).toISOString().slice(0, 10))) },
          { label: m.kpi.responses, stroke: '#2f6fde', scale: 'n', value: (_u, v) => dash(v, (n) => f.count(n)) },
          { label: m.kpi.nps, stroke: '#c2410c', scale: 'nps', spanGaps: true, value: (_u, v) => dash(v, (n) => f.nps(n)) },
        ],
        axes: [
          { values: (_u, splits) => splits.map((s) => f.dayShort(new Date(s * 1000))) },
          { scale: 'n', label: m.kpi.responses, values: (_u, splits) => splits.map((n) => f.count(n)) },
          { scale: 'nps', side: 1, label: m.kpi.nps, grid: { show: false }, values: (_u, splits) => splits.map((n) => f.nps(n)) },
        ],
        scales: { nps: { range: [-100, 100] } },
      },
      [x, this.points.map((p) => p.volume), this.points.map((p) => p.nps.value)],
      target,
    );
    this.#resize.observe(target);
  }

  #width(target: HTMLElement): number {
    return Math.max(240, target.clientWidth - 16 || 640);
  }

  #fit(): void {
    const target = this.querySelector<HTMLElement>('.chart');
    if (!this.#chart || !target) return;
    const width = this.#width(target);
    if (width !== this.#chart.width) this.#chart.setSize({ width, height: HEIGHT });
  }

  override render() {
    const { m, f } = this.#i18n;
    return html`<div class="chart" role="img" aria-label=${m.trend.chartLabel}></div>
      <details class="as-table">
        <summary>${m.trend.asTable}</summary>
        <div class="table-scroll" role="region" aria-label=${m.trend.caption} tabindex="0">
          <table>
            <caption>${m.trend.caption}</caption>
            <thead>
              <tr>
                <th scope="col">${this.bucket === 'week' ? m.trend.week : m.trend.day}</th>
                <th scope="col">${m.kpi.responses}</th>
                <th scope="col">${m.kpi.nps}</th>
                <th scope="col">${m.kpi.csat}</th>
                <th scope="col">${m.kpi.smiley}</th>
              </tr>
            </thead>
            <tbody>
              ${this.points.map(
                (p) =>
                  html`<tr>
                    <th scope="row"><time datetime=${p.period}>${f.day(p.period)}</time></th>
                    <td>${f.count(p.volume)}</td>
                    <td>${formatMetric(p.nps, 'nps', f, m)}</td>
                    <td>${formatMetric(p.csat, 'percent', f, m)}</td>
                    <td>${formatMetric(p.smiley, 'average', f, m)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>`;
  }
}
