import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { RecognitionResponse } from '../../../../server/recognition/types.js';
import type { KudosItem } from '../../../../server/stats/types.js';
import { ApiFailure } from '../../api/http.js';
import { fetchRecognition, sendThanks } from '../../api/recognition.js';
import { fetchKudos, statsQuery } from '../../api/stats.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { kudosTexts, recognitionTexts } from './texts.js';

/**
 * Kudos: positive feedback attributed to a member of staff (picked by the customer, or carried
 * by the feedback with words of its own), newest first, with the thanks managers forwarded.
 * Managers forward a kudos to the person with their own thanks; staff see their name, their
 * kudos and the thanks they received. Managers also see kudos counts per store, never a ranking
 * of people.
 * @summary The kudos view (`#/kudos/…`).
 */
export class SvKudosView extends LightElement {
  static override properties = { context: { attribute: false }, results: { state: true } };
  declare context: ViewContext | undefined;
  /** Per kudos and person (`id:staffId`): the outcome of the last forward. */
  declare results: Readonly<Record<string, { ok: boolean; message: string }>>;
  readonly #i18n = new LocaleController(this);
  #generation = 0;
  readonly #kudos = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchKudos(new URLSearchParams(key), signal)),
    args: () => {
      const c = this.context;
      return [c ? statsQuery(c.route.scope, c.range, 'customer').toString() : undefined, this.#generation] as const;
    },
    onError: reportSessionEnd(this),
  });
  readonly #perStore = new Task(this, {
    task: async ([manager, from, to, region, store], { signal }): Promise<RecognitionResponse | undefined> =>
      manager && from && to ? fetchRecognition({ from, to }, { region, store }, signal) : undefined,
    args: () => {
      const c = this.context;
      return [c !== undefined && c.session.user.role !== 'staff', c?.range.from, c?.range.to, c?.route.scope.region, c?.route.scope.store, this.#generation] as const;
    },
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.results = {};
  }

  async #handleForward(event: SubmitEvent, item: KudosItem, staffId: string): Promise<void> {
    event.preventDefault();
    const c = this.context;
    if (!c) return;
    const key = `${item.id}:${staffId}`;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    try {
      await sendThanks(c.session, item.id, staffId, String(data.get('text') ?? ''));
      this.results = { ...this.results, [key]: { ok: true, message: this.#i18n.pick(recognitionTexts.sent) } };
      this.#generation += 1;
      this.requestUpdate();
    } catch (error) {
      this.results = { ...this.results, [key]: { ok: false, message: error instanceof ApiFailure ? error.message : String(error) } };
    }
  }

  #renderItem(item: KudosItem, manager: boolean) {
    const c = this.context!;
    const { f, pick } = this.#i18n;
    const nameOf = (id: string, name: string | null) => name ?? c.directory.staffName(id) ?? id;
    return html`<li class="kudos-item">
      <blockquote>${item.text}</blockquote>
      <p class="meta">
        <time datetime=${item.createdAt}>${f.dateTime(item.createdAt, c.directory.timeZoneOf(item.storeId) ?? 'UTC')}</time>
        ${item.storeName ? html`<bdi class="store">${item.storeName}</bdi>` : nothing}
        <bdi class="staff">${f.list(item.staff.map((s) => nameOf(s.id, s.name)))}</bdi>
      </p>
      ${item.thanks.map((thanks) => html`<p class="thanks"><strong><bdi>${pick(recognitionTexts.thanksFrom)(thanks.from)}</bdi>:</strong> ${thanks.text}</p>`)}
      ${manager
        ? item.staff.map((s) => {
            const id = `thanks-${item.id}-${s.id}`;
            const result = this.results[`${item.id}:${s.id}`];
            return html`<form class="forward" @submit=${(event: SubmitEvent) => this.#handleForward(event, item, s.id)}>
              <label for=${id}>${pick(recognitionTexts.forwardTo)(nameOf(s.id, s.name))}</label>
              <textarea id=${id} name="text" rows="2" maxlength="1000" required></textarea>
              <button type="submit">${pick(recognitionTexts.send)}</button>
              <p class=${result?.ok === false ? 'error' : 'notice'} role=${result?.ok === false ? 'alert' : 'status'}>${result?.message ?? ''}</p>
            </form>`;
          })
        : nothing}
    </li>`;
  }

  #renderPerStore(answer: RecognitionResponse | undefined) {
    if (!answer) return nothing;
    const { f, pick } = this.#i18n;
    // A region that scrolls sideways on a phone: focusable, so keyboard users can scroll it too.
    return html`<div class="table-scroll" role="region" aria-labelledby="recognition-per-store" tabindex="0">
      <table class="groups recognition">
        <caption id="recognition-per-store">${pick(recognitionTexts.perStore)}</caption>
        <thead><tr><th scope="col">${pick(recognitionTexts.store)}</th><th scope="col">${pick(recognitionTexts.kudos)}</th><th scope="col">${pick(recognitionTexts.thanked)}</th></tr></thead>
        <tbody>${answer.stores.map((s) => html`<tr><th scope="row"><bdi>${s.name ?? s.id}</bdi></th><td>${f.count(s.kudos)}</td><td>${f.count(s.thanked)}</td></tr>`)}</tbody>
      </table>
    </div>`;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m, pick } = this.#i18n;
    const user = c.session.user;
    const manager = user.role !== 'staff';
    // A staff member's own name: from the roster when the directory has it, else their account's.
    const me = user.staffId ? (c.directory.staffName(user.staffId) ?? user.name) : user.name;
    return html`${manager ? nothing : html`<h2 class="kudos-for">${pick(recognitionTexts.forYou)(me)}</h2>`}
      <p class="intro">${pick(kudosTexts.intro)} ${pick(recognitionTexts.rule)}</p>
      ${manager ? renderTaskState(this.#perStore, { m, place: c.place, complete: (answer) => this.#renderPerStore(answer) }) : nothing}
      ${renderTaskState(this.#kudos, {
        m,
        place: c.place,
        complete: (answer) =>
          answer.kudos.length === 0
            ? html`<p class="state state-empty">${pick(kudosTexts.none)}</p>`
            : html`<ul class="comments kudos">${answer.kudos.map((item) => this.#renderItem(item, manager))}</ul>`,
      })}`;
  }
}
