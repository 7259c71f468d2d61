import { html, nothing } from 'lit';
import type { Kpis, ScoreMetric, StatsResponse, Targets } from '../../../server/stats/types.js';
import { changeOf, formatDelta, formatMetric, formatValue, METRIC_KIND, METRIC_RANGE, metricName, standing } from '../format/metric.js';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

/** The scores shown as cards, when they have answers (NPS, CSAT and smiley always). */
const SCORES: readonly ScoreMetric[] = ['nps', 'csat', 'smiley', 'stars'];

/**
 * The headline numbers of a selection as cards: each score with the count it rests on, its
 * change against the previous period of equal length (or "too few answers to compare", never a
 * swing of ±100 on three answers), its target's progress and the brand's (or region's) figure.
 * The direction of a change reads from its sign and an arrow, not from colour alone.
 * @summary KPI cards: NPS, CSAT, smiley score (stars when used), responses.
 */
export class SvKpis extends LightElement {
  static override properties = { kpis: { attribute: false }, previous: { attribute: false }, targets: { attribute: false }, benchmarks: { attribute: false } };
  declare kpis: Kpis | undefined;
  /** The previous period and its figures (from `/v1/stats`'s `previous`): each card's change. */
  declare previous: StatsResponse['previous'] | undefined;
  /** The targets that apply to the selection. */
  declare targets: Targets | undefined;
  /** Figures to compare with: the brand's, and the region's for a store. */
  declare benchmarks: { brand?: Kpis | null | undefined; region?: Kpis | null | undefined } | undefined;
  readonly #i18n = new LocaleController(this);

  #score(metric: ScoreMetric) {
    const k = this.kpis;
    if (!k) return nothing;
    const { m, f } = this.#i18n;
    const current = k[metric];
    const kind = METRIC_KIND[metric];
    const previous = this.previous?.summary[metric];
    const target = this.targets?.[metric] ?? null;
    let change: unknown = nothing;
    if (previous && !current.insufficientResponses) {
      const c = changeOf(current, previous);
      const period = f.dayRange(this.previous?.from ?? '', this.previous?.to ?? '');
      change =
        c.kind === 'value'
          ? html`<dd class="change ${c.delta > 0 ? 'up' : c.delta < 0 ? 'down' : 'same'}"><span class="arrow" aria-hidden="true">${c.delta > 0 ? '▲' : c.delta < 0 ? '▼' : '●'}</span> ${m.kpi.change(formatDelta(c.delta, kind, f, m), period)}</dd>`
          : html`<dd class="change few">${m.kpi.tooFewToCompare(f.count(c.n))}</dd>`;
    }
    let progress: unknown = nothing;
    if (target !== null && !current.insufficientResponses) {
      const s = standing(current.value, target);
      const [min, max] = METRIC_RANGE[metric];
      progress = html`<dd class="target ${s?.met ? 'met' : 'below'}">
        ${m.kpi.target(formatValue(target, kind, f))}${s ? html` · ${s.met ? m.kpi.targetMet : m.kpi.targetGap(formatDelta(s.gap, kind, f, m).replace(/^\+/, ''))}` : nothing}
        ${current.value !== null ? html`<meter aria-hidden="true" min=${min} max=${max} low=${target} optimum=${max} value=${current.value}></meter>` : nothing}
      </dd>`;
    }
    const benchmark = this.benchmarks?.region ?? this.benchmarks?.brand;
    const benchmarkText = this.benchmarks?.region ? m.kpi.regionBenchmark : m.kpi.brandBenchmark;
    const compare = benchmark && benchmark[metric].n > 0 ? html`<dd class="benchmark">${benchmarkText(formatMetric(benchmark[metric], kind, f, m))}</dd>` : nothing;
    return html`<div class="kpi ${current.insufficientResponses ? 'withheld' : ''}">
      <dt>${metricName(metric, m)}</dt>
      <dd class="reading"><span class="value">${formatMetric(current, kind, f, m)}</span> <span class="n">${m.kpi.n(f.count(current.n))}</span></dd>
      ${change} ${progress} ${compare}
    </div>`;
  }

  override render() {
    const k = this.kpis;
    if (!k) return nothing;
    const { m, f } = this.#i18n;
    // Stars only where a survey asks for them: an empty card on every other screen says nothing.
    const shown = SCORES.filter((metric) => metric !== 'stars' || k.stars.n > 0 || (this.previous?.summary.stars.n ?? 0) > 0);
    return html`<dl class="kpis" aria-label=${m.kpi.label}>
      ${shown.map((metric) => this.#score(metric))}
      <div class="kpi">
        <dt>${m.kpi.responses}</dt>
        <dd class="reading"><span class="value">${f.count(k.volume)}</span></dd>
        ${this.previous ? html`<dd class="change plain">${m.kpi.change(f.signed(k.volume - this.previous.summary.volume), f.dayRange(this.previous.from, this.previous.to))}</dd>` : nothing}
      </div>
    </dl>`;
  }
}
