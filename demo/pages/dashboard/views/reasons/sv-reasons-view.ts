import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import type { CommentItem, CommentsResponse } from '../../../../server/stats/types.js';
import { ApiFailure } from '../../api/http.js';
import { fetchAnswers, fetchComments, statsQuery, type CommentFilters } from '../../api/stats.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { SurveyLabels } from '../../format/survey-labels.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { COMMENT_FILTERS } from './sv-comment-filters.js';
import { reasonsTexts } from './texts.js';

/** Comments per page ("load more" asks for the next). */
const PAGE = 25;

/** The filters in an address. */
function filtersOf(params: Readonly<Record<string, string>>): CommentFilters {
  return Object.fromEntries(COMMENT_FILTERS.filter((name) => params[name]).map((name) => [name, params[name]]));
}

/**
 * Reasons: why customers answered as they did. Every question's answers in the place and period
 * (follow-up questions included, labels in the reader's language), then the comments with their
 * scores, other answers, store, staff and store-local time — searchable and filterable, a page at
 * a time. The answers and the comments are two requests keyed by what each depends on: a new
 * search reloads the comments only, and a late page of an earlier search is dropped.
 * @summary The reasons view (`#/reasons/…`).
 */
export class SvReasonsView extends LightElement {
  static override properties = { context: { attribute: false }, more: { state: true } };
  declare context: ViewContext | undefined;
  /** Pages loaded after the first, for the comments key (place, dates, segments, filters) they belong to. */
  declare more: { key: string; items: CommentItem[]; next: string | null; state: 'idle' | 'loading' | 'failed' } | undefined;
  readonly #i18n = new LocaleController(this);
  /** After "Comments" next to an answer, focus goes to the comments once they are shown. */
  #focusComments = false;
  #moreAbort: AbortController | undefined;
  readonly #answers = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchAnswers(new URLSearchParams(key), signal)),
    args: () => [this.#selection()] as const,
    onError: reportSessionEnd(this),
  });
  readonly #comments = new Task(this, {
    task: ([key], { signal }) => {
      if (key === undefined) return initialState;
      const [selection = '', filters = '{}'] = JSON.parse(key) as [string, string];
      return fetchComments(new URLSearchParams(selection), JSON.parse(filters) as CommentFilters, PAGE, signal);
    },
    args: () => [this.#commentsKey()] as const,
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.addEventListener('sv-show-comments', (e) => {
      const c = this.context;
      if (!c) return;
      this.#focusComments = true;
      c.navigate({ params: { ...c.route.params, question: e.detail.question, answer: e.detail.answer } }, { keepFocus: true });
    });
  }

  #selection(): string | undefined {
    const c = this.context;
    return c ? statsQuery(c.route.scope, c.range, 'customer', c.segments).toString() : undefined;
  }

  #commentsKey(): string | undefined {
    const selection = this.#selection();
    return selection === undefined || !this.context ? undefined : JSON.stringify([selection, JSON.stringify(filtersOf(this.context.route.params))]);
  }

  protected override updated(): void {
    if (this.#focusComments && this.#comments.status !== TaskStatus.PENDING) {
      this.#focusComments = false;
      this.querySelector<HTMLElement>('#comments-h')?.focus();
    }
  }

  async #loadMore(first: CommentsResponse): Promise<void> {
    const key = this.#commentsKey();
    const c = this.context;
    if (!key || !c) return;
    const current = this.more?.key === key ? this.more : { key, items: [], next: first.nextCursor, state: 'idle' as const };
    if (!current.next || current.state === 'loading') return;
    this.#moreAbort?.abort();
    const abort = (this.#moreAbort = new AbortController());
    this.more = { ...current, state: 'loading' };
    try {
      const [selection = ''] = JSON.parse(key) as [string];
      const page = await fetchComments(new URLSearchParams(selection), filtersOf(c.route.params), PAGE, abort.signal, current.next);
      // A page of a search the user has left is dropped, like any late answer.
      if (this.#commentsKey() !== key) return;
      this.more = { key, items: [...current.items, ...page.comments], next: page.nextCursor, state: 'idle' };
    } catch (error) {
      if (abort.signal.aborted || this.#commentsKey() !== key) return;
      if (error instanceof ApiFailure && error.status === 401) this.dispatchEvent(new CustomEvent('sv-session-ended', { bubbles: true }));
      this.more = { ...current, state: 'failed' };
    }
  }

  #renderComments(first: CommentsResponse) {
    const c = this.context;
    if (!c) return nothing;
    const { m, f, locale } = this.#i18n;
    const key = this.#commentsKey();
    const more = this.more?.key === key ? this.more : undefined;
    const items = [...first.comments, ...(more?.items ?? [])];
    const next = more ? more.next : first.nextCursor;
    const filtered = Object.keys(filtersOf(c.route.params)).length > 0;
    if (first.insufficientResponses) return html`<p class="state state-empty">${this.#i18n.pick(reasonsTexts.staffNote)(f.count(c.session.staffMinResponses))}</p>`;
    const labels = new SurveyLabels(this.#answers.value, locale);
    return html`<p class="visually-hidden" role="status">${m.comments.shown(f.count(items.length))}</p>
      <sv-comments .items=${items} .directory=${c.directory} .labels=${labels} .empty=${filtered ? m.comments.noMatch : m.comments.none}></sv-comments>
      ${next
        ? html`<div class="more">
            <button type="button" class="load-more" aria-disabled=${more?.state === 'loading' ? 'true' : 'false'} @click=${() => void this.#loadMore(first)}>
              ${more?.state === 'loading' ? m.comments.loadingMore : m.comments.loadMore}
            </button>
            ${more?.state === 'failed' ? html`<p class="error" role="alert">${m.comments.loadMoreFailed}</p>` : nothing}
          </div>`
        : nothing}`;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m } = this.#i18n;
    const t = reasonsTexts;
    return html`<p class="intro">${this.#i18n.pick(t.intro)}</p>
      <section>
        <h2 id="answers-h">${this.#i18n.pick(t.answers)}</h2>
        ${renderTaskState(this.#answers, {
          m,
          place: c.place,
          complete: (answers) => html`<sv-answers .answers=${answers} .context=${c} .minResponses=${c.session.staffMinResponses}></sv-answers>`,
        })}
      </section>
      <section>
        <h2 id="comments-h" tabindex="-1">${this.#i18n.pick(t.comments)}</h2>
        <sv-comment-filters .context=${c} .answers=${this.#answers.value}></sv-comment-filters>
        ${renderTaskState(this.#comments, { m, place: c.place, complete: (first) => this.#renderComments(first) })}
      </section>`;
  }
}
