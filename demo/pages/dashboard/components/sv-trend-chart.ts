import { html, nothing, type PropertyValues } from 'lit';
import uPlot from 'uplot';
import type { Bucket, ScoreMetric, TrendResponse } from '../../../server/stats/types.js';
import { formatMetric, formatValue, METRIC_KIND, METRIC_RANGE, metricName } from '../format/metric.js';
import { LocaleController } from '../i18n/localizer.js';
import type { Messages } from '../i18n/messages.js';
import { LightElement } from './light-element.js';
import { hasValues, periodsOf, trendLines, type LineStyle, type TrendLine } from './trend-lines.js';

const HEIGHT = 240;

const periodHeading = (bucket: Bucket, m: Messages) => ({ day: m.trend.day, week: m.trend.week, rolling7: m.trend.rolling7, rolling28: m.trend.rolling28 })[bucket];

/** A line's look in the legend, drawn like the line itself (an SVG, as inline styles are not allowed). */
const swatch = (style: LineStyle) =>
  html`<svg class="swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
    <line x1="1" y1="6" x2="27" y2="6" stroke=${style.colour} stroke-width=${style.width} stroke-dasharray=${style.dash.length ? style.dash.join(' ') : 'none'}></line>
  </svg>`;

/**
 * One score over time (uPlot on a canvas): the selection's line, one line per region or store,
 * and the brand's as a benchmark. Periods with too few answers are gaps, never a swing to ±100.
 * The legend is a row of toggle buttons (keyboard and screen readers: `aria-pressed`), each
 * drawn like its line; the same numbers, with their counts, are in a table one click away.
 * Periods are calendar days (each store's own), drawn as UTC midnights. uPlot sizes elements
 * through the CSSOM, which a `style-src 'self'` policy allows.
 * @summary Trend lines of one score, with a legend and a table.
 */
export class SvTrendChart extends LightElement {
  static override properties = { trend: { attribute: false }, metric: {}, place: {}, brandName: { attribute: false }, groupName: { attribute: false }, hiddenLines: { state: true }, readout: { state: true } };
  declare trend: TrendResponse | undefined;
  /** The score drawn. @default 'nps' */
  declare metric: ScoreMetric;
  /** The selection's name ("Nordics"), for its line and the chart's label. */
  declare place: string;
  declare brandName: string;
  /** A name for a region or store the API sent without one. */
  declare groupName: ((id: string) => string) | undefined;
  /** Ids of the lines the user hid. */
  declare hiddenLines: ReadonlySet<string>;
  /** What the pointer is over (for mouse users; the table is the text alternative). */
  declare readout: string;
  readonly #i18n = new LocaleController(this);
  #chart: uPlot | undefined;
  #drawn: { trend: TrendResponse | undefined; metric: ScoreMetric; locale: string } | undefined;
  #lines: TrendLine[] = [];
  readonly #resize = new ResizeObserver(() => this.#fit());

  constructor() {
    super();
    this.metric = 'nps';
    this.place = '';
    this.brandName = '';
    this.hiddenLines = new Set();
    this.readout = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#drawn = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('trend') || changed.has('metric') || changed.has('place') || changed.has('brandName') || !this.#drawn) this.#lines = this.#makeLines();
  }

  protected override updated(): void {
    const d = this.#drawn;
    if (d && d.trend === this.trend && d.metric === this.metric && d.locale === this.#i18n.locale) {
      this.#applyVisibility();
      return;
    }
    this.#draw();
  }

  #makeLines(): TrendLine[] {
    if (!this.trend) return [];
    const { m } = this.#i18n;
    return trendLines(this.trend, this.metric, { selection: this.place, brand: m.trend.brandLine(this.brandName || m.app.title), group: (id) => this.groupName?.(id) ?? id });
  }

  #draw(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
    this.#drawn = { trend: this.trend, metric: this.metric, locale: this.#i18n.locale };
    const target = this.querySelector<HTMLElement>('.chart');
    const lines = this.#lines;
    if (!target || !this.trend || !hasValues(lines)) return;
    const { f } = this.#i18n;
    const periods = periodsOf(lines);
    const kind = METRIC_KIND[this.metric];
    const [low, high] = METRIC_RANGE[this.metric];
    const x = periods.map((p) => Date.parse(`${p}T00:00:00Z`) / 1000);
    const data = [x, ...lines.map((line) => periods.map((p) => line.points.get(p)?.value ?? null))] as uPlot.AlignedData;
    const padding = kind === 'average' ? 0.25 : 5;
    this.#chart = new uPlot(
      {
        width: this.#width(target),
        height: HEIGHT,
        legend: { show: false },
        // The API's periods are calendar dates: drawn in UTC, a point never lands on the day before.
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
        series: [
          {},
          // A period below the minimum of answers is a gap: the line does not pretend to know.
          ...lines.map((line) => ({ label: line.name, stroke: line.style.colour, width: line.style.width, dash: [...line.style.dash], spanGaps: false, show: !this.hiddenLines.has(line.id), points: { show: periods.length < 40 } })),
        ],
        axes: [
          { values: (_u: uPlot, splits: number[]) => splits.map((s) => f.dayShort(new Date(s * 1000))) },
          { values: (_u: uPlot, splits: number[]) => splits.map((v) => formatValue(v, kind, f)), size: 56 },
        ],
        scales: {
          x: { time: true },
          // The score's own scale, zoomed to the lines (with a margin) so a change is visible.
          y: { range: (_u: uPlot, min: number | null, max: number | null) => [Math.max(low, (min ?? low) - padding), Math.min(high, (max ?? high) + padding)] },
        },
        hooks: { setCursor: [(u: uPlot) => this.#showReadout(u.cursor.idx ?? null, periods)] },
      },
      data,
      target,
    );
    this.#resize.observe(target);
  }

  #showReadout(index: number | null, periods: readonly string[]): void {
    const period = index === null ? undefined : periods[index];
    if (period === undefined) {
      this.readout = '';
      return;
    }
    const { m, f } = this.#i18n;
    const kind = METRIC_KIND[this.metric];
    const values = this.#lines
      .filter((line) => !this.hiddenLines.has(line.id))
      .map((line) => {
        const point = line.points.get(period);
        return `${line.name} ${point ? formatMetric(point, kind, f, m) : '—'}`;
      });
    this.readout = `${f.day(period)}: ${values.join(' · ')}`;
  }

  #applyVisibility(): void {
    const chart = this.#chart;
    if (!chart) return;
    this.#lines.forEach((line, i) => {
      const show = !this.hiddenLines.has(line.id);
      if (chart.series[i + 1]?.show !== show) chart.setSeries(i + 1, { show });
    });
  }

  #toggle(line: TrendLine): void {
    const hidden = new Set(this.hiddenLines);
    if (hidden.has(line.id)) hidden.delete(line.id);
    else hidden.add(line.id);
    this.hiddenLines = hidden;
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

  #renderTable(lines: readonly TrendLine[]) {
    const trend = this.trend;
    if (!trend) return nothing;
    const { m, f } = this.#i18n;
    const kind = METRIC_KIND[this.metric];
    const name = metricName(this.metric, m);
    return html`<details class="as-table">
      <summary>${m.trend.asTable}</summary>
      <div class="table-scroll" role="region" aria-label=${m.trend.caption(name)} tabindex="0">
        <table class="trend">
          <caption>${m.trend.caption(name)}</caption>
          <thead>
            <tr>
              <th scope="col">${periodHeading(trend.bucket, m)}</th>
              ${lines.map((line) => html`<th scope="col"><bdi>${line.name}</bdi></th>`)}
            </tr>
          </thead>
          <tbody>
            ${periodsOf(lines).map(
              (period) =>
                html`<tr>
                  <th scope="row"><time datetime=${period}>${f.day(period)}</time></th>
                  ${lines.map((line) => {
                    const point = line.points.get(period);
                    return html`<td>${point ? html`${formatMetric(point, kind, f, m)} <span class="n">${m.kpi.n(f.count(point.n))}</span>` : '—'}</td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  override render() {
    const trend = this.trend;
    if (!trend) return nothing;
    const { m, f } = this.#i18n;
    const lines = this.#lines;
    const name = metricName(this.metric, m);
    if (!hasValues(lines)) {
      return html`<p class="state state-empty">${m.trend.noData(name)}</p>
        ${this.#renderTable(lines)}`;
    }
    return html`<div class="chart" role="img" aria-label=${m.trend.chartLabel(name, this.place)}></div>
      <p class="readout" aria-hidden="true">${this.readout}</p>
      ${lines.length > 1
        ? html`<ul class="legend" aria-label=${m.trend.lines}>
            ${lines.map(
              (line) =>
                html`<li>
                  <button type="button" class=${line.role} aria-pressed=${this.hiddenLines.has(line.id) ? 'false' : 'true'} @click=${() => this.#toggle(line)}>
                    ${swatch(line.style)}<bdi>${line.name}</bdi>
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing}
      <p class="note">${m.trend.gaps(f.count(trend.minAnswersPerPoint))}</p>
      ${this.#renderTable(lines)}`;
  }
}
