import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { exportHref, fetchReport, statsQuery } from '../../api/stats.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { pulseTexts } from './texts.js';

/**
 * The employee pulse (channel `employee`) for the place in the address: anonymous, per team
 * only (the registry stops its addresses at the store), every group held to the minimum.
 * @summary The employee-pulse view (`#/pulse/…`).
 */
export class SvPulseView extends LightElement {
  static override properties = { context: { attribute: false } };
  declare context: ViewContext | undefined;
  readonly #i18n = new LocaleController(this);
  readonly #report = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchReport(new URLSearchParams(key), signal)),
    args: () => [this.#query()?.toString()] as const,
    onError: reportSessionEnd(this),
  });

  #query(): URLSearchParams | undefined {
    const c = this.context;
    return c ? statsQuery(c.route.scope, c.range, 'employee') : undefined;
  }

  override render() {
    const c = this.context;
    const query = this.#query();
    if (!c || !query) return nothing;
    const { m, f } = this.#i18n;
    return html`<p class="intro">${this.#i18n.pick(pulseTexts.intro)(f.count(c.session.staffMinResponses))}</p>
      ${renderTaskState(this.#report, {
        m,
        place: c.place,
        complete: (report) =>
          html`<sv-report .report=${report} .context=${c} audience="employee" .resultsHeading=${this.#i18n.pick(pulseTexts.results)} .exportHref=${exportHref(query)}></sv-report>`,
      })}`;
  }
}
