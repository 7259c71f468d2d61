import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { Group, Kpis, ScoreMetric, StatsResponse } from '../../../../server/stats/types.js';
import { fetchStats, statsQuery } from '../../api/stats.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import { segmentParams } from '../../router/segments.js';
import type { ViewContext } from '../view.js';
import { readSort, type BoardRow, type SortDirection, type SortKey } from './sort.js';
import { compareTexts } from './texts.js';

/** The stores of the selection, and for a brand-wide view its regions as benchmark rows. */
interface Comparison {
  readonly stores: StatsResponse;
  readonly regions: StatsResponse | undefined;
}

async function fetchComparison(key: string, brandWide: boolean, signal: AbortSignal): Promise<Comparison> {
  const stores = new URLSearchParams(key);
  stores.set('level', 'store');
  const regions = new URLSearchParams(key);
  regions.set('level', 'region');
  const [storeStats, regionStats] = await Promise.all([fetchStats(stores, signal), brandWide ? fetchStats(regions, signal) : Promise.resolve(undefined)]);
  return { stores: storeStats, regions: regionStats };
}

/**
 * Compare: the brand's store leaderboard for corporate (a region's for regional managers), with
 * the brand and the regions as benchmark rows, each score's change against the previous period,
 * and targets — shown in the table and set below it where the role may. Sorting is the user's
 * arrangement of the same answer: written into the address (bookmarkable) without a request.
 * @summary The compare view (`#/compare/…`).
 */
export class SvCompareView extends LightElement {
  static override properties = { context: { attribute: false } };
  declare context: ViewContext | undefined;
  readonly #i18n = new LocaleController(this);
  /** Bumped when targets change: the figures (which carry the targets) are asked for again. */
  #version = 0;
  readonly #data = new Task(this, {
    task: ([key, brandWide], { signal }) => (key === undefined ? initialState : fetchComparison(key, brandWide, signal)),
    args: () => {
      const c = this.context;
      if (!c) return [undefined, false, this.#version] as const;
      const query = statsQuery(c.route.scope, c.range, 'customer', c.segments);
      query.delete('level');
      return [query.toString(), c.route.scope.region === undefined, this.#version] as const;
    },
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.addEventListener('sv-sort', (e) => this.#sort(e.detail.key, e.detail.direction));
    this.addEventListener('sv-targets-changed', () => {
      this.#version++;
      this.requestUpdate();
    });
  }

  #sort(key: SortKey, direction: SortDirection): void {
    const c = this.context;
    if (c) c.navigate({ params: { ...c.route.params, sort: key, dir: direction } }, { replace: true });
  }

  #row(group: Pick<Group, 'id' | 'name' | 'targets'> & Kpis, previous: Kpis | undefined, kind: 'store' | 'region', href?: string): BoardRow {
    const d = this.context?.directory;
    const regionId = kind === 'store' ? d?.regionOfStore(group.id) : group.id;
    const name = group.name ?? (kind === 'store' ? d?.storeName(group.id) : d?.regionName(group.id)) ?? group.id;
    return { id: group.id, name, regionId, regionName: regionId ? d?.regionName(regionId) : undefined, kpis: group, previous, targets: group.targets, href };
  }

  #benchmarks(answer: Comparison): BoardRow[] {
    const c = this.context;
    if (!c) return [];
    const { m } = this.#i18n;
    const { stores, regions } = answer;
    const brandName = m.groups.brandRow(c.directory.brandName ?? m.app.title);
    const region = c.route.scope.region;
    // Brand-wide, the selection is the brand (with its previous period); within a region the
    // brand is the benchmark, and the region the selection.
    const brand: BoardRow = region === undefined
      ? { id: '', name: brandName, regionId: undefined, regionName: undefined, kpis: stores.summary, previous: stores.previous.summary, targets: stores.targets }
      : { id: '', name: brandName, regionId: undefined, regionName: undefined, kpis: stores.benchmarks.brand ?? stores.summary, previous: undefined, targets: undefined };
    const regionRows: BoardRow[] =
      region === undefined
        ? (regions?.groups ?? []).filter((g) => g.id !== '').map((g) => ({ ...this.#row(g, g.previous, 'region'), name: m.groups.regionRow(g.name ?? c.directory.regionName(g.id) ?? g.id) }))
        : [{ id: region, name: m.groups.regionRow(c.directory.regionName(region) ?? region), regionId: region, regionName: undefined, kpis: stores.summary, previous: stores.previous.summary, targets: stores.targets }];
    return [brand, ...regionRows];
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m } = this.#i18n;
    const { key, direction } = readSort(c.route.params);
    return html`<p class="intro">${this.#i18n.pick(compareTexts.intro)}</p>
      <section>
        <h2 id="leaderboard-h">${this.#i18n.pick(compareTexts.leaderboard)}</h2>
        ${renderTaskState(this.#data, {
          m,
          place: c.place,
          complete: (answer: Comparison) => {
            const stores = answer.stores.groups.filter((g) => g.id !== '');
            if (stores.length === 0) return html`<p class="state state-empty">${this.#i18n.pick(compareTexts.noStores)}</p>`;
            const rows = stores.map((g) => this.#row(g, g.previous, 'store', c.link({ view: 'overview', scope: { region: c.directory.regionOfStore(g.id) ?? c.route.scope.region, store: g.id }, params: segmentParams(c.segments) })));
            const usesStars = stores.some((g) => g.stars.n > 0);
            const metrics: ScoreMetric[] = usesStars ? ['nps', 'csat', 'smiley', 'stars'] : ['nps', 'csat', 'smiley'];
            return html`<sv-leaderboard
              .rows=${rows}
              .benchmarks=${this.#benchmarks(answer)}
              .metrics=${metrics}
              .sortKey=${key}
              .direction=${direction}
              .caption=${this.#i18n.pick(compareTexts.caption)(c.place)}
              ?showRegion=${c.route.scope.region === undefined}
            ></sv-leaderboard>`;
          },
        })}
      </section>
      <section class="targets-section"><sv-targets .context=${c}></sv-targets></section>`;
  }
}
