import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { exportHref, fetchReport, selectionOf, statsQuery } from '../../api/stats.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import { readBucket, readMetric, readWindow } from '../../router/report-params.js';
import { depthOf } from '../../router/scope.js';
import type { ViewContext } from '../view.js';
import { overviewTexts } from './texts.js';

/**
 * Customer feedback for the place in the address: key figures with their change and targets,
 * the stores that moved most (on the landing view of corporate and regional managers), the trend
 * with a line per region or store and the brand's, drill-down to the level below, answers and
 * comments. For a staff account, their own results.
 * @summary The customer-feedback view (`#/overview/…`).
 */
export class SvOverviewView extends LightElement {
  static override properties = { context: { attribute: false } };
  declare context: ViewContext | undefined;
  readonly #i18n = new LocaleController(this);
  /** Keyed by the request's query: a new address aborts the old request and drops its answer. */
  readonly #report = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchReport(new URLSearchParams(key), signal)),
    args: () => [this.#query()?.toString()] as const,
    onError: reportSessionEnd(this),
  });

  #query(): URLSearchParams | undefined {
    const c = this.context;
    return c ? statsQuery(c.route.scope, c.range, 'customer', c.segments) : undefined;
  }

  override render() {
    const c = this.context;
    const query = this.#query();
    if (!c || !query) return nothing;
    const { m } = this.#i18n;
    const scope = c.route.scope;
    const heading = this.#i18n.pick(scope.staff !== undefined ? overviewTexts.individualResults : overviewTexts.teamResults);
    const depth = depthOf(scope);
    const manager = c.session.user.role !== 'staff';
    // A line per region for the brand, per store for a region; a store is compared with the brand.
    const series = depth === 'brand' ? 'region' : depth === 'region' ? 'store' : undefined;
    const trend = { bucket: readBucket(c.route.params, 'rolling7'), metric: readMetric(c.route.params, 'nps'), series: scope.staff === undefined ? series : undefined };
    // Early warning where there are stores to compare: the brand and a region.
    const movers = manager && (depth === 'brand' || depth === 'region') ? readWindow(c.route.params) : undefined;
    return renderTaskState(this.#report, {
      m,
      place: c.place,
      complete: (report) =>
        html`<sv-report
          .report=${report}
          .context=${c}
          audience="customer"
          .resultsHeading=${heading}
          .exportHref=${exportHref(query)}
          .selection=${selectionOf(query).toString()}
          .trend=${trend}
          .movers=${movers}
          .topicsQuery=${c.route.scope.staff === undefined ? query.toString() : undefined}
        ></sv-report>`,
    });
  }
}
