import { html, nothing } from 'lit';
import type { Audience, Bucket, Group, ScoreMetric, StatsResponse } from '../../../server/stats/types.js';
import type { Report } from '../api/stats.js';
import { LocaleController } from '../i18n/localizer.js';
import type { ViewContext } from '../views/view.js';
import { LightElement } from './light-element.js';
import { topicsTexts } from './topics-texts.js';

/**
 * The figures of one selection: key figures, trend, the groups one level down, how answers
 * spread, and recent comments. Everything it shows comes from one {@link Report}, the answer to
 * the current address; it never mixes in figures of another one.
 * Sections are plain (not landmarks): the headings structure the page, and the tables' scroll
 * boxes are the labelled regions, as in Adrian Roselli's responsive-table pattern.
 * @summary A report's sections.
 */
export class SvReport extends LightElement {
  static override properties = {
    report: { attribute: false },
    context: { attribute: false },
    audience: {},
    resultsHeading: { attribute: false },
    exportHref: { attribute: false },
    selection: { attribute: false },
    trend: { attribute: false },
    movers: { attribute: false },
    topicsQuery: { attribute: false },
  };
  declare report: Report | undefined;
  declare context: ViewContext | undefined;
  /** Customer feedback, or the employee pulse (never broken down per person). @default 'customer' */
  declare audience: Audience;
  /** The heading of the key figures ("Team results"). */
  declare resultsHeading: string;
  /** The CSV download of the same selection. */
  declare exportHref: string | undefined;
  /** The stats selection (scope, dates, audience, segments) as a query string: the trend and movers ask with it. */
  declare selection: string | undefined;
  /** How the trend is drawn: periods, score, and lines per region or store. */
  declare trend: { bucket: Bucket; metric: ScoreMetric; series?: 'region' | 'store' | undefined } | undefined;
  /** The movers' window, on the landing views of corporate and regional managers; undefined: no movers. */
  declare movers: 7 | 28 | undefined;
  /** The selection whose topics to show (with a topic filter on comments); none when undefined. */
  declare topicsQuery: string | undefined;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.audience = 'customer';
    this.resultsHeading = '';
  }

  #groupLink(group: Group): string | undefined {
    const c = this.context;
    const level = this.report?.stats.level;
    if (!c || !group.id) return undefined;
    const scope = c.route.scope;
    if (level === 'region') return c.link({ scope: { region: group.id } });
    if (level === 'store') return c.link({ scope: { ...scope, store: group.id } });
    if (level === 'staff') return c.link({ scope: { ...scope, staff: group.id } });
    return undefined;
  }

  #groupName(group: Group): string | undefined {
    const d = this.context?.directory;
    const level = this.report?.stats.level;
    if (!d || !group.id) return undefined;
    if (level === 'region') return d.regionName(group.id);
    if (level === 'store') return d.storeName(group.id);
    if (level === 'staff') return d.staffName(group.id);
    return undefined;
  }

  /** What the key figures are compared with: a region with the brand, a store or a person with their region. */
  #benchmarks(): { brand?: StatsResponse['benchmarks']['brand']; region?: StatsResponse['benchmarks']['region'] } | undefined {
    const stats = this.report?.stats;
    const scope = this.context?.route.scope;
    if (!stats || !scope || this.audience === 'employee') return undefined;
    if (scope.store !== undefined || scope.staff !== undefined) return { region: stats.benchmarks.region, brand: stats.benchmarks.brand };
    if (scope.region !== undefined) return { brand: stats.benchmarks.brand };
    return undefined;
  }

  override render() {
    const r = this.report;
    const c = this.context;
    if (!r || !c) return nothing;
    const { m, f } = this.#i18n;
    const { stats } = r;
    if (stats.summary.volume === 0) {
      return html`<p class="state state-empty">${m.state.empty(f.day(stats.filter.from), f.day(stats.filter.to))}</p>`;
    }
    const scope = c.route.scope;
    const employee = this.audience === 'employee';
    const min = f.count(stats.minResponses);
    const level = stats.level;
    const groupsTitle = level === 'region' ? m.groups.regions : level === 'store' ? (scope.region ? m.groups.storesOfRegion : m.groups.stores) : m.groups.team;
    const kind = level === 'region' ? m.groups.region : level === 'store' ? m.groups.store : m.groups.staffMember;
    const segmentedStore = !employee && scope.store !== undefined && scope.staff === undefined && level === 'store';
    const table = html`<sv-groups-table
      .groups=${stats.groups}
      .caption=${groupsTitle}
      .kind=${kind}
      .link=${(g: Group) => this.#groupLink(g)}
      .nameOf=${(g: Group) => this.#groupName(g)}
    ></sv-groups-table>`;
    let groups: unknown = nothing;
    if (segmentedStore) {
      groups = html`<section>
        <h2 id="staff-h">${m.groups.staffHeading}</h2>
        <p class="note">${m.groups.notBySegment}</p>
      </section>`;
    } else if (scope.staff === undefined && !(employee && scope.store !== undefined)) {
      groups =
        level === 'staff'
          ? html`<section>
              <h2 id="staff-h">${m.groups.staffHeading}</h2>
              <details class="staff"><summary>${m.groups.showIndividual(min)}</summary>${table}</details>
            </section>`
          : html`<section><h2 id="groups-h">${groupsTitle}</h2>${table}</section>`;
    }
    return html`
      <section>
        <div class="section-head">
          <h2 id="results-h">${this.resultsHeading}</h2>
          ${this.exportHref ? html`<a class="export button" href=${this.exportHref} download>${m.range.exportCsv}</a>` : nothing}
        </div>
        ${stats.summary.insufficientResponses ? html`<p class="note">${m.kpi.withheld(min)}</p>` : nothing}
        <sv-kpis .kpis=${stats.summary} .previous=${stats.previous} .targets=${stats.targets} .benchmarks=${this.#benchmarks()}></sv-kpis>
      </section>
      ${this.movers !== undefined && this.trend
        ? html`<section><sv-movers .context=${c} .selection=${this.selection} .metric=${this.trend.metric} .window=${this.movers}></sv-movers></section>`
        : nothing}
      ${this.trend
        ? html`<section>
            <h2 id="trend-h">${m.trend.heading}</h2>
            <sv-trend .context=${c} .selection=${this.selection} .bucket=${this.trend.bucket} .metric=${this.trend.metric} .series=${this.trend.series}></sv-trend>
          </section>`
        : nothing}
      ${groups}
      <section>
        <h2 id="dist-h">${m.distribution.heading}</h2>
        <sv-distribution .data=${r.distribution}></sv-distribution>
      </section>
      ${this.topicsQuery
        ? html`<section>
            <h2 id="topics-h">${this.#i18n.pick(topicsTexts.heading)}</h2>
            <sv-topics .context=${c} .query=${this.topicsQuery} .topic=${c.route.params['topic'] ?? ''}></sv-topics>
          </section>`
        : nothing}
      <section>
        <h2 id="comments-h">${m.comments.heading}</h2>
        <sv-comments .items=${r.comments.comments} .directory=${c.directory}></sv-comments>
      </section>`;
  }
}
