import { html, nothing } from 'lit';
import type { ScoreMetric } from '../../../../server/stats/types.js';
import { LightElement } from '../../components/light-element.js';
import { changeOf, formatDelta, formatMetric, formatValue, METRIC_KIND, metricName, standing } from '../../format/metric.js';
import { LocaleController } from '../../i18n/localizer.js';
import { defaultDirection, sortRows, type BoardRow, type SortDirection, type SortKey } from './sort.js';

declare global {
  interface HTMLElementEventMap {
    'sv-sort': CustomEvent<{ key: SortKey; direction: SortDirection }>;
  }
}

let counter = 0;

/**
 * The store leaderboard: a real table whose every column header is a sort button (mouse,
 * keyboard, and `aria-sort` for screen readers), the brand and region rows to compare with kept
 * above the stores, each score with its count, its change against the previous period and its
 * target. On a phone it scrolls inside its own box with the names kept in view.
 * @event sv-sort - detail: `{ key, direction }` the user asked for (the view writes it into the address)
 * @summary Sortable store leaderboard with benchmark rows.
 */
export class SvLeaderboard extends LightElement {
  static override properties = { rows: { attribute: false }, benchmarks: { attribute: false }, metrics: { attribute: false }, sortKey: {}, direction: {}, caption: {}, showRegion: { type: Boolean } };
  declare rows: readonly BoardRow[];
  /** The brand's and regions' rows, above the stores and never sorted among them. */
  declare benchmarks: readonly BoardRow[];
  /** The scores shown, each with its change. */
  declare metrics: readonly ScoreMetric[];
  declare sortKey: SortKey;
  declare direction: SortDirection;
  declare caption: string;
  /** A column with each store's region (the brand-wide leaderboard). */
  declare showRegion: boolean;
  readonly #i18n = new LocaleController(this);
  readonly #captionId = `leaderboard-caption-${++counter}`;

  constructor() {
    super();
    this.rows = [];
    this.benchmarks = [];
    this.metrics = ['nps', 'csat', 'smiley'];
    this.sortKey = 'nps';
    this.direction = 'desc';
    this.caption = '';
    this.showRegion = false;
  }

  #sort(key: SortKey): void {
    const direction = key === this.sortKey ? (this.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(key);
    this.dispatchEvent(new CustomEvent('sv-sort', { detail: { key, direction }, bubbles: true }));
  }

  #header(key: SortKey, label: string) {
    const active = key === this.sortKey;
    const sort = active ? (this.direction === 'asc' ? 'ascending' : 'descending') : nothing;
    return html`<th scope="col" aria-sort=${sort}>
      <button type="button" class="sort" data-key=${key} @click=${() => this.#sort(key)}>
        <span>${label}</span><span class="sort-icon" aria-hidden="true">${active ? (this.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>`;
  }

  #score(row: BoardRow, metric: ScoreMetric) {
    const { m, f } = this.#i18n;
    const kind = METRIC_KIND[metric];
    const value = row.kpis[metric];
    const target = row.targets?.[metric] ?? null;
    const s = target === null ? undefined : standing(value.value, target);
    return html`<td>
      <span class="value">${formatMetric(value, kind, f, m)}</span>
      <span class="n">${m.kpi.n(f.count(value.n))}</span>
      ${target !== null
        ? html`<span class="target ${s?.met ? 'met' : 'below'}"
            >${m.kpi.target(formatValue(target, kind, f))}${s ? html` · ${s.met ? m.kpi.targetMet : m.kpi.targetGap(formatDelta(s.gap, kind, f, m).replace(/^\+/, ''))}` : nothing}</span
          >`
        : nothing}
    </td>`;
  }

  #change(row: BoardRow, metric: ScoreMetric) {
    const { m, f } = this.#i18n;
    if (!row.previous) return html`<td>—</td>`;
    const c = changeOf(row.kpis[metric], row.previous[metric]);
    if (c.kind === 'few') return html`<td class="change few">${m.groups.tooFew(f.count(c.n))}</td>`;
    const direction = c.delta > 0 ? 'up' : c.delta < 0 ? 'down' : 'same';
    return html`<td class="change ${direction}"><span class="arrow" aria-hidden="true">${c.delta > 0 ? '▲' : c.delta < 0 ? '▼' : '●'}</span> ${formatDelta(c.delta, METRIC_KIND[metric], f, m)}</td>`;
  }

  #row(row: BoardRow, benchmark: boolean) {
    const { f } = this.#i18n;
    const id = !benchmark && row.name !== row.id ? html`<span class="id">${row.id}</span>` : nothing;
    return html`<tr class=${benchmark ? 'benchmark' : ''}>
      <th scope="row">${row.href ? html`<a href=${row.href}><bdi>${row.name}</bdi></a>` : html`<bdi>${row.name}</bdi>`}${id}</th>
      ${this.showRegion ? html`<td class="text"><bdi>${benchmark ? '' : (row.regionName ?? row.regionId ?? '')}</bdi></td>` : nothing}
      <td>${f.count(row.kpis.volume)}</td>
      ${this.metrics.map((metric) => html`${this.#score(row, metric)}${this.#change(row, metric)}`)}
    </tr>`;
  }

  override render() {
    const { m, locale } = this.#i18n;
    const sorted = sortRows(this.rows, this.sortKey, this.direction, locale);
    return html`<div class="table-scroll" role="region" aria-labelledby=${this.#captionId} tabindex="0">
      <table class="groups leaderboard">
        <caption id=${this.#captionId} class="visually-hidden">${this.caption}</caption>
        <thead>
          <tr>
            ${this.#header('name', m.groups.store)} ${this.showRegion ? this.#header('region', m.groups.region) : nothing} ${this.#header('volume', m.groups.responses)}
            ${this.metrics.map((metric) => html`${this.#header(metric, metricName(metric, m))}${this.#header(`${metric}Change`, m.groups.change(metricName(metric, m)))}`)}
          </tr>
        </thead>
        ${this.benchmarks.length > 0 ? html`<tbody class="benchmarks">${this.benchmarks.map((row) => this.#row(row, true))}</tbody>` : nothing}
        <tbody>
          ${sorted.map((row) => this.#row(row, false))}
        </tbody>
      </table>
    </div>`;
  }
}
