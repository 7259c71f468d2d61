import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { Idea, IdeaMetricsResponse } from '../../../../server/ideas/types.js';
import { ANSWER_STATUSES } from '../../../../server/ideas/types.js';
import { ApiFailure } from '../../api/http.js';
import { answerIdea, fetchIdeaMetrics, fetchIdeas, submitIdea } from '../../api/ideas.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { ideasTexts } from './texts.js';

/** What a failed write says to the user: the collector's message names the field. */
const messageOf = (error: unknown): string => (error instanceof ApiFailure ? error.message : String(error));

/**
 * Ideas upward. Staff write an idea (anonymous unless they sign it) and see the status of every
 * idea of their store, never who wrote an unsigned one. Managers answer the ideas that reached
 * them (a store's at once; the region's and corporate's once escalated). The region and
 * corporate also see volume and response rates per store (and per region).
 * @summary The ideas view (`#/ideas`).
 */
export class SvIdeasView extends LightElement {
  static override properties = { context: { attribute: false }, sendError: { state: true }, sentNotice: { state: true }, busy: { state: true }, answerState: { state: true } };
  declare context: ViewContext | undefined;
  declare sendError: string;
  declare sentNotice: string;
  declare busy: boolean;
  /** Per idea id: the outcome of its last answer (`ok` or an error message). */
  declare answerState: Readonly<Record<string, { ok: boolean; message: string }>>;
  readonly #i18n = new LocaleController(this);
  #generation = 0;
  readonly #ideas = new Task(this, {
    task: ([role], { signal }) => (role === undefined ? initialState : fetchIdeas(signal)),
    args: () => [this.context?.session.user.role, this.#generation] as const,
    onError: reportSessionEnd(this),
  });
  readonly #metrics = new Task(this, {
    task: async ([role, from, to], { signal }): Promise<IdeaMetricsResponse[]> => {
      if (role === undefined || from === undefined || to === undefined || role === 'staff' || role === 'store') return [];
      const range = { from, to };
      return role === 'corporate' ? Promise.all([fetchIdeaMetrics('region', range, signal), fetchIdeaMetrics('store', range, signal)]) : [await fetchIdeaMetrics('store', range, signal)];
    },
    args: () => [this.context?.session.user.role, this.context?.range.from, this.context?.range.to, this.#generation] as const,
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.sendError = '';
    this.sentNotice = '';
    this.busy = false;
    this.answerState = {};
  }

  #reload(): void {
    this.#generation += 1;
    this.requestUpdate();
  }

  async #handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const c = this.context;
    if (!c) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.sendError = '';
    this.sentNotice = '';
    try {
      await submitIdea(c.session, String(data.get('text') ?? ''), data.get('signed') === 'on');
      form.reset();
      this.sentNotice = this.#i18n.pick(ideasTexts.sent);
      this.#reload();
    } catch (error) {
      this.sendError = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  async #handleAnswer(event: SubmitEvent, idea: Idea): Promise<void> {
    event.preventDefault();
    const c = this.context;
    if (!c) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const reply = String(data.get('reply') ?? '').trim();
    try {
      await answerIdea(c.session, idea, String(data.get('status') ?? ''), reply === '' ? null : reply);
      this.answerState = { ...this.answerState, [idea.id]: { ok: true, message: this.#i18n.pick(ideasTexts.saved) } };
      this.#reload();
    } catch (error) {
      this.answerState = { ...this.answerState, [idea.id]: { ok: false, message: messageOf(error) } };
    }
  }

  #renderForm() {
    const { pick } = this.#i18n;
    return html`<form class="idea-form" @submit=${this.#handleSubmit} aria-describedby="idea-anonymity">
      <p id="idea-anonymity" class="anonymity">${pick(ideasTexts.anonymity)}</p>
      <label for="idea-text">${pick(ideasTexts.yourIdea)}</label>
      <textarea id="idea-text" name="text" rows="4" maxlength="2000" required></textarea>
      <label class="check"><input type="checkbox" name="signed" /> ${pick(ideasTexts.sign)}</label>
      <button type="submit" ?disabled=${this.busy}>${pick(ideasTexts.send)}</button>
      <p class="notice" role="status">${this.sentNotice}</p>
      <p class="error" role="alert">${this.sendError}</p>
    </form>`;
  }

  #renderIdea(idea: Idea, canAnswer: boolean) {
    const { f, pick } = this.#i18n;
    const state = this.answerState[idea.id];
    const statusId = `idea-status-${idea.id}`;
    const replyId = `idea-reply-${idea.id}`;
    return html`<li class="idea" data-status=${idea.status}>
      <blockquote>${idea.text}</blockquote>
      <p class="meta">
        <span class="status status-${idea.status}">${pick(ideasTexts.status[idea.status])}</span>
        <span>${pick(ideasTexts.writtenOn)(f.day(idea.createdOn))}</span>
        ${idea.storeName ? html`<bdi>${idea.storeName}</bdi>` : nothing}
        <span>${idea.signedBy === null ? pick(ideasTexts.anonymous) : html`<bdi>${pick(ideasTexts.signedBy)(idea.signedBy)}</bdi>`}</span>
        ${idea.escalated ? html`<span class="escalated">${pick(ideasTexts.escalated)}</span>` : nothing}
      </p>
      ${idea.reply ? html`<p class="reply"><strong>${pick(ideasTexts.reply)}:</strong> ${idea.reply}</p>` : nothing}
      ${canAnswer
        ? html`<form class="answer" @submit=${(event: SubmitEvent) => this.#handleAnswer(event, idea)}>
            <label for=${statusId}>${pick(ideasTexts.statusLabel)}</label>
            <select id=${statusId} name="status">
              ${ANSWER_STATUSES.map((status) => html`<option value=${status} ?selected=${status === idea.status}>${pick(ideasTexts.status[status])}</option>`)}
            </select>
            <label for=${replyId}>${pick(ideasTexts.reply)}</label>
            <textarea id=${replyId} name="reply" rows="2" maxlength="2000" aria-describedby=${`${replyId}-hint`}>${idea.reply ?? ''}</textarea>
            <p id=${`${replyId}-hint`} class="note">${pick(ideasTexts.replyHint)}</p>
            <button type="submit">${pick(ideasTexts.save)}</button>
            <p class=${state?.ok === false ? 'error' : 'notice'} role=${state?.ok === false ? 'alert' : 'status'}>${state?.message ?? ''}</p>
          </form>`
        : nothing}
    </li>`;
  }

  #renderMetrics(all: readonly IdeaMetricsResponse[]) {
    const { f, pick } = this.#i18n;
    const cols = ideasTexts.columns;
    const c = this.context;
    // A region that scrolls sideways on a phone: focusable, so keyboard users can scroll it too.
    return all.map((metrics) => html`<div class="table-scroll" role="region" aria-labelledby=${`ideas-metrics-${metrics.level}`} tabindex="0">
      <table class="groups ideas-metrics">
        <caption id=${`ideas-metrics-${metrics.level}`}>${pick(metrics.level === 'region' ? ideasTexts.metricsByRegion : ideasTexts.metricsByStore)}</caption>
        <thead><tr>
          <th scope="col">${pick(cols.place)}</th><th scope="col">${pick(cols.submitted)}</th><th scope="col">${pick(cols.answered)}</th>
          <th scope="col">${pick(cols.inTime)}</th><th scope="col">${pick(cols.escalated)}</th><th scope="col">${pick(cols.rate)}</th>
        </tr></thead>
        <tbody>${metrics.groups.map((g) => html`<tr>
          <th scope="row"><bdi>${g.name ?? (metrics.level === 'store' ? c?.directory.storeName(g.id) : undefined) ?? g.id}</bdi></th>
          <td>${f.count(g.submitted)}</td><td>${f.count(g.answered)}</td><td>${f.count(g.answeredInTime)}</td><td>${f.count(g.escalated)}</td>
          <td>${g.responseRate === null ? '–' : f.percent(g.responseRate * 100)}</td>
        </tr>`)}</tbody>
      </table>
    </div>`);
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m, pick } = this.#i18n;
    const staff = c.session.user.role === 'staff';
    return html`<p class="intro">${pick(staff ? ideasTexts.staffIntro : ideasTexts.managerIntro)}</p>
      ${staff ? this.#renderForm() : nothing}
      <h2>${pick(staff ? ideasTexts.storeIdeas : ideasTexts.toAnswer)}</h2>
      ${renderTaskState(this.#ideas, {
        m,
        place: c.place,
        complete: (answer) =>
          answer.ideas.length === 0
            ? html`<p class="state state-empty">${pick(ideasTexts.none)}</p>`
            : html`<ul class="ideas">${answer.ideas.map((idea) => this.#renderIdea(idea, answer.canAnswer))}</ul>`,
      })}
      ${staff || c.session.user.role === 'store' ? nothing : renderTaskState(this.#metrics, { m, place: c.place, complete: (all) => this.#renderMetrics(all) })}`;
  }
}
