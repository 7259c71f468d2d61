import { html, nothing } from 'lit';
import type { AnswersResponse } from '../../../../server/stats/types.js';
import { LightElement } from '../../components/light-element.js';
import { SurveyLabels } from '../../format/survey-labels.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { reasonsTexts } from './texts.js';

type Question = AnswersResponse['surveys'][number]['questions'][number];

declare global {
  interface HTMLElementEventMap {
    /** Show the comments that gave this answer. */
    'sv-show-comments': CustomEvent<{ question: string; answer: string }>;
  }
}

/**
 * Every question's answers in the selection, survey by survey in the survey's order: ratings by
 * value, choice options (follow-ups such as "What went wrong?" included) by their labels in the
 * reader's language, consent as yes/no, free text as a count. Each answer links to the comments
 * that gave it. Bars are `<meter>`s (no inline styles under the CSP), hidden from screen readers,
 * which read the count and share beside them.
 * @summary Answer distribution of every question.
 */
export class SvAnswers extends LightElement {
  static override properties = { answers: { attribute: false }, context: { attribute: false }, minResponses: { type: Number } };
  declare answers: AnswersResponse | undefined;
  declare context: ViewContext | undefined;
  /** The anonymity minimum, to say why a protected question is withheld. */
  declare minResponses: number;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.minResponses = 0;
  }

  #question(surveyId: string, question: Question, labels: SurveyLabels) {
    const c = this.context;
    const { m, f } = this.#i18n;
    const prompt = labels.prompt(surveyId, question.id);
    const headingId = `answers-${surveyId}-${question.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const heading = html`<h4 id=${headingId}><bdi>${prompt}</bdi></h4>`;
    if (question.insufficientResponses || question.counts === null) {
      return html`<div class="question">${heading}<p class="note">${this.#i18n.pick(reasonsTexts.withheld)(f.count(this.minResponses))}</p></div>`;
    }
    if (question.type === 'text') {
      return html`<div class="question">${heading}<p class="note">${this.#i18n.pick(reasonsTexts.inWords)(f.count(question.answered))}</p></div>`;
    }
    const counts = question.counts;
    const max = Math.max(1, ...counts.map((c) => c.n));
    return html`<div class="question">
      ${heading}
      <p class="n">${this.#i18n.pick(reasonsTexts.answered)(f.count(question.answered))}</p>
      <table class="distribution answers" aria-labelledby=${headingId}>
        <thead>
          <tr>
            <th scope="col">${m.distribution.answer}</th>
            <th scope="col">${m.distribution.count}</th>
            <th scope="col">${this.#i18n.pick(reasonsTexts.share)}</th>
            <th scope="col"><span class="visually-hidden">${m.distribution.share}</span></th>
          </tr>
        </thead>
        <tbody>
          ${counts.map((count) => {
            const label = labels.value(surveyId, question.id, count.value, m, f);
            const href = c?.link({ params: { ...(c?.route.params ?? {}), question: question.id, answer: count.value } });
            // The answer links to the comments that gave it (its name says so to screen readers).
            return html`<tr>
              <th scope="row">
                ${href
                  ? html`<a href=${href} @click=${(e: MouseEvent) => this.#show(e, question.id, count.value)}
                      ><bdi>${label}</bdi><span class="visually-hidden"> — ${this.#i18n.pick(reasonsTexts.commentsLink)}</span></a
                    >`
                  : html`<bdi>${label}</bdi>`}
              </th>
              <td>${f.count(count.n)}</td>
              <td>${f.share(question.answered > 0 ? count.n / question.answered : 0)}</td>
              <td><meter min="0" max=${max} value=${count.n} aria-hidden="true"></meter></td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  /** A plain click filters the comments below and moves there; a new tab or window opens the address. */
  #show(event: MouseEvent, question: string, answer: string): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('sv-show-comments', { detail: { question, answer }, bubbles: true }));
  }

  override render() {
    const answers = this.answers;
    if (!answers) return nothing;
    const labels = new SurveyLabels(answers, this.#i18n.locale);
    const surveys = answers.surveys.filter((s) => s.questions.length > 0);
    if (surveys.length === 0) return html`<p class="state state-empty">${this.#i18n.pick(reasonsTexts.noAnswers)}</p>`;
    return html`${surveys.map(
      (survey) => html`<section class="survey">
        <h3><bdi>${labels.title(survey.id)}</bdi></h3>
        <div class="questions">${survey.questions.map((q) => this.#question(survey.id, q, labels))}</div>
      </section>`,
    )}`;
  }
}
