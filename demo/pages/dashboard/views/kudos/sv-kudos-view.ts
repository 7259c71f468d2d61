import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { fetchKudos, statsQuery } from '../../api/stats.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { kudosTexts } from './texts.js';

/**
 * Kudos: positive feedback that names or mentions a member of staff, newest first, each with
 * the people it is for and the store-local time.
 * @summary The kudos view (`#/kudos/…`).
 */
export class SvKudosView extends LightElement {
  static override properties = { context: { attribute: false } };
  declare context: ViewContext | undefined;
  readonly #i18n = new LocaleController(this);
  readonly #kudos = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchKudos(new URLSearchParams(key), signal)),
    args: () => {
      const c = this.context;
      return [c ? statsQuery(c.route.scope, c.range, 'customer').toString() : undefined] as const;
    },
    onError: reportSessionEnd(this),
  });

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m } = this.#i18n;
    return html`<p class="intro">${this.#i18n.pick(kudosTexts.intro)}</p>
      ${renderTaskState(this.#kudos, {
        m,
        place: c.place,
        complete: (answer) => html`<sv-comments .items=${answer.kudos} .directory=${c.directory} .empty=${this.#i18n.pick(kudosTexts.none)}></sv-comments>`,
      })}`;
  }
}
