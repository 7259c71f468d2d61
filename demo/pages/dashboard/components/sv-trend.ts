import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { BUCKETS, SCORE_METRICS, TrendResponseSchema, type Bucket, type ScoreMetric, type TrendResponse } from '../../../server/stats/types.js';
import { request } from '../api/http.js';
import { metricName } from '../format/metric.js';
import { LocaleController } from '../i18n/localizer.js';
import type { ViewContext } from '../views/view.js';
import { LightElement } from './light-element.js';
import { renderTaskState, reportSessionEnd } from './view-state.js';

let counter = 0;

/**
 * The trend section of a report: how to cut time (days, weeks, rolling 7 or 28 days) and which
 * score to draw, then the chart. Its own request, keyed by the selection and the periods, so
 * changing the periods reloads the chart only — the controls, and the keyboard focus on them,
 * stay. The choices are written into the address (`bucket`, `metric`) without a history entry.
 * @summary Trend controls and chart, with its own request.
 */
export class SvTrend extends LightElement {
  static override properties = { context: { attribute: false }, selection: {}, bucket: {}, metric: {}, series: {} };
  declare context: ViewContext | undefined;
  /** The stats selection (scope, dates, audience, segments), as a query string. */
  declare selection: string | undefined;
  declare bucket: Bucket;
  declare metric: ScoreMetric;
  /** One line per region or store, besides the selection's own. */
  declare series: 'region' | 'store' | undefined;
  readonly #i18n = new LocaleController(this);
  readonly #id = `trend-${++counter}`;
  readonly #trend = new Task(this, {
    task: ([selection, bucket, series], { signal }) => {
      if (selection === undefined) return initialState;
      const query = new URLSearchParams(selection);
      query.set('bucket', bucket);
      if (series) query.set('series', series);
      return request('/v1/stats/trend', TrendResponseSchema, { query, signal });
    },
    args: () => [this.selection, this.bucket, this.series] as const,
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.bucket = 'rolling7';
    this.metric = 'nps';
  }

  #set(name: 'bucket' | 'metric', value: string): void {
    const c = this.context;
    if (c) c.navigate({ params: { ...c.route.params, [name]: value } }, { replace: true });
  }

  #groupName(id: string): string {
    const d = this.context?.directory;
    return (this.series === 'region' ? d?.regionName(id) : d?.storeName(id)) ?? id;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m } = this.#i18n;
    return html`<div class="controls">
        <div class="field">
          <label for="${this.#id}-bucket">${m.trend.periods}</label>
          <select id="${this.#id}-bucket" @change=${(e: Event) => this.#set('bucket', (e.currentTarget as HTMLSelectElement).value)}>
            ${BUCKETS.map((b) => html`<option value=${b} ?selected=${b === this.bucket}>${m.trend.buckets[b]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="${this.#id}-metric">${m.trend.score}</label>
          <select id="${this.#id}-metric" @change=${(e: Event) => this.#set('metric', (e.currentTarget as HTMLSelectElement).value)}>
            ${SCORE_METRICS.map((s) => html`<option value=${s} ?selected=${s === this.metric}>${metricName(s, m)}</option>`)}
          </select>
        </div>
      </div>
      ${renderTaskState(this.#trend, {
        m,
        place: c.place,
        complete: (trend: TrendResponse) =>
          html`<sv-trend-chart .trend=${trend} .metric=${this.metric} .place=${c.place} .brandName=${c.directory.brandName ?? ''} .groupName=${(id: string) => this.#groupName(id)}></sv-trend-chart>`,
      })}`;
  }
}
