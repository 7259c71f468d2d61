import { initialState, Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { TopicsResponse } from '../../../server/stats/types.js';
import { fetchTopicComments, fetchTopics } from '../api/stats.js';
import { LocaleController } from '../i18n/localizer.js';
import type { ViewContext } from '../views/view.js';
import { LightElement } from './light-element.js';
import { topicsTexts as t } from './topics-texts.js';
import { renderTaskState, reportSessionEnd } from './view-state.js';

type Topic = TopicsResponse['topics'][number];

/**
 * What comments talk about in a selection: each topic's mentions, how many came with a low
 * score, the period before and mentions per week; a topic's name filters the comments below to
 * it. The chosen topic is part of the address (`?topic=queue`), so the list on screen is always
 * the answer to the current URL, and the back button undoes a filter.
 * @summary Topic counts and trends, with a topic filter on comments.
 */
export class SvTopics extends LightElement {
  static override properties = { context: { attribute: false }, query: {}, topic: {} };
  declare context: ViewContext | undefined;
  /** The stats selection (`statsQuery()`), as a string. */
  declare query: string;
  /** The chosen topic id, or '' for none. */
  declare topic: string;
  readonly #i18n = new LocaleController(this);
  readonly #topics = new Task(this, {
    task: ([key], { signal }) => (key ? fetchTopics(new URLSearchParams(key), signal) : initialState),
    args: () => [this.query] as const,
    onError: reportSessionEnd(this),
  });
  readonly #comments = new Task(this, {
    task: ([key, topic], { signal }) => (key && topic ? fetchTopicComments(new URLSearchParams(key), topic, signal) : initialState),
    args: () => [this.query, this.topic] as const,
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.query = '';
    this.topic = '';
  }

  #label(topic: Pick<Topic, 'id' | 'label'>): string {
    const lang = this.#i18n.locale.split('-')[0] ?? 'en';
    return topic.label?.[lang] ?? topic.label?.['en'] ?? topic.id;
  }

  #change(topic: Topic): string {
    const change = topic.mentions - topic.previous.mentions;
    const { f } = this.#i18n;
    return change === 0 ? '±0' : `${change > 0 ? '▲ +' : '▼ −'}${f.count(Math.abs(change))}`;
  }

  #table(answer: TopicsResponse, c: ViewContext): TemplateResult {
    const { f } = this.#i18n;
    const pick = this.#i18n.pick.bind(this.#i18n);
    if (answer.insufficientResponses) return html`<p class="note">${pick(t.withheld)}</p>`;
    if (answer.topics.length === 0) return html`<p class="state state-empty">${pick(t.none)}</p>`;
    return html`<div class="table-scroll" role="region" aria-labelledby="topics-h" tabindex="0">
      <table class="topics">
        <thead>
          <tr>
            <th scope="col">${pick(t.topic)}</th>
            <th scope="col">${pick(t.mentions)}</th>
            <th scope="col">${pick(t.negative)}</th>
            <th scope="col">${pick(t.previous)}</th>
            <th scope="col">${pick(t.weekly)}</th>
          </tr>
        </thead>
        <tbody>
          ${answer.topics.map(
            (topic) =>
              html`<tr>
                <th scope="row">
                  <a href=${c.link({ params: { ...c.route.params, topic: topic.id } })} aria-current=${topic.id === this.topic ? 'true' : nothing} aria-label=${`${this.#label(topic)}: ${pick(t.showComments)}`}>${this.#label(topic)}</a>
                </th>
                <td>${f.count(topic.mentions)}</td>
                <td>${f.count(topic.negative)}</td>
                <td>${f.count(topic.previous.mentions)} <span class="change">${this.#change(topic)}</span></td>
                <td class="weekly">${topic.weekly.map((w) => html`<span title=${f.day(w.period)}>${f.count(w.mentions)}</span>`)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #filtered(answer: TopicsResponse | undefined, c: ViewContext): unknown {
    if (!this.topic) return nothing;
    const { m } = this.#i18n;
    const pick = this.#i18n.pick.bind(this.#i18n);
    const known = answer?.topics.find((topic) => topic.id === this.topic);
    const name = known ? this.#label(known) : this.topic;
    const rest = { ...c.route.params };
    delete rest['topic'];
    return html`<div class="section-head">
        <h3 id="topic-comments-h">${pick(t.commentsAbout)(name)}</h3>
        <a class="button" href=${c.link({ params: rest })}>${pick(t.allTopics)}</a>
      </div>
      ${renderTaskState(this.#comments, {
        m,
        place: c.place,
        complete: (comments) => html`<sv-comments .items=${comments.comments} .directory=${c.directory}></sv-comments>`,
      })}`;
  }

  override render() {
    const c = this.context;
    if (!c || !this.query) return nothing;
    const { m } = this.#i18n;
    return html`${renderTaskState(this.#topics, { m, place: c.place, complete: (answer) => this.#table(answer, c) })}
    ${this.#filtered(this.#topics.value, c)}`;
  }
}
