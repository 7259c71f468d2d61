import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { exportHref, fetchReport, statsQuery } from '../../api/stats.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { overviewTexts } from './texts.js';

/**
 * Customer feedback for the place in the address: key figures, trend, drill-down to the level
 * below, answers and comments. For a staff account, their own results.
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
    return c ? statsQuery(c.route.scope, c.range, 'customer') : undefined;
  }

  override render() {
    const c = this.context;
    const query = this.#query();
    if (!c || !query) return nothing;
    const { m } = this.#i18n;
    const heading = this.#i18n.pick(c.route.scope.staff !== undefined ? overviewTexts.individualResults : overviewTexts.teamResults);
    return renderTaskState(this.#report, {
      m,
      place: c.place,
      complete: (report) =>
        html`<sv-report .report=${report} .context=${c} audience="customer" .resultsHeading=${heading} .exportHref=${exportHref(query)} .topicsQuery=${c.route.scope.staff === undefined ? query.toString() : undefined}></sv-report>`,
    });
  }
}
