import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { isOffline } from '../../sdk/internal/env.js';
import type { Question, SurveyDefinition } from '../../sdk/index.js';
import { viewFor } from '../questions/registry.js';
import { errorText } from './error-text.js';
import type { LocaleController } from './locale-controller.js';
import type { SurveyFlowController } from './survey-flow-controller.js';

/**
 * Draws a {@link SurveyFlowController}'s state in the {@link LocaleController}'s language. Every
 * control calls the flow; the view keeps no state.
 */
export interface SurveyView {
  /**
   * The survey card's content: the title, progress, the current question (a page: every visible
   * one) with Back and Next/Send, or the outcome. Inline and launcher mode show it in their panel,
   * kiosk mode as its survey screen.
   */
  body(): TemplateResult;
  /** One question with its validation message (kiosk mode's attract screen shows its smileys so). */
  question(question: Question): TemplateResult;
}

/**
 * The view of `flow` in `locale`. A `kiosk` view shows one question per screen whatever the survey
 * says (big targets need the room), with fields that do not offer the previous customer's entries;
 * the element draws with its own view and hands kiosk mode a kiosk one.
 *
 * @example html`<div part="panel">${surveyView(flow, locale, false).body()}</div>`
 */
export function surveyView(flow: SurveyFlowController, locale: LocaleController, kiosk: boolean): SurveyView {
  const question = (question: Question): TemplateResult => {
    const { answers, problems } = flow.state;
    const problem = problems.get(question.id);
    const errorId = `sv-error-${question.id}`;
    // Keyed by question: moving from one text question to the next gets a fresh field, not the
    // previous one's DOM (with its undo history, selection and IME state).
    return html`${keyed(question.id, html`<div class="question" data-question=${question.id}>
      ${viewFor(question)({
        question,
        answer: answers.find((a) => a.questionId === question.id),
        messages: locale.messages,
        locale: locale.requested ?? locale.code,
        idPrefix: `sv-${question.id}`,
        errorId,
        invalid: problem !== undefined,
        kiosk,
        onAnswer: (answer) => flow.answer(question, answer),
      })}
      <p part="error" class="error" id=${errorId} role="alert">${problem && !problem.valid ? errorText(problem, locale.messages) : ''}</p>
    </div>`)}`;
  };

  const outcome = (definition: SurveyDefinition): TemplateResult => {
    const messages = locale.messages;
    const result = flow.state.result;
    if (result?.status === 'sent' || result?.status === 'dropped') {
      return html`<p part="status" class="status" role="status">${definition.thankYou ? locale.text(definition.thankYou) : messages.thanks}</p>`;
    }
    if (result?.status === 'queued') {
      // "When you're back online" would be untrue for a shopper who is online but whose requests
      // are blocked or failing: say what is known instead.
      return html`<p part="status" class="status" role="status">${isOffline() ? messages.thanksQueued : messages.thanksSaved}</p>`;
    }
    return html`<div part="status" class="status failed" role="alert">
        <p><strong>${messages.failedTitle}</strong></p>
        <p>${messages.failedRejected}</p>
        ${result?.message ? html`<p class="reason">${result.message}</p>` : nothing}
      </div>
      <div class="actions"><button part="button primary" class="primary" @click=${() => flow.retry()}>${messages.retry}</button></div>`;
  };

  const body = (): TemplateResult => {
    const { definition, phase, currentId } = flow.state;
    const messages = locale.messages;
    const title = definition?.title ? locale.text(definition.title) : '';
    const heading = html`<h2 part="title" id="sv-title" class=${title ? 'title' : 'visually-hidden'}>${title || messages.openFeedback}</h2>`;
    if (!definition || phase === 'loading') return html`${heading}<p class="loading" role="status">…</p>`;
    if (phase === 'done') return html`${heading}${outcome(definition)}`;
    const { visible, index } = flow.steps;
    // A kiosk shows one question per screen, whatever the survey says: big targets need the room.
    const pageMode = definition.display === 'page' && !kiosk;
    const shown = pageMode ? visible : visible.filter((q) => q.id === currentId);
    const isLast = pageMode || index === visible.length - 1;
    return html`${heading}
      ${!pageMode && visible.length > 1 ? html`<p part="progress" class="progress">${messages.progress(index + 1, visible.length)}</p>` : nothing}
      <form class="questions" novalidate @submit=${(e: Event) => (e.preventDefault(), pageMode ? flow.send() : flow.next())}>
        ${shown.map(question)}
        ${flow.micro
          ? nothing
          : html`<div class="actions">
              ${!pageMode && index > 0 ? html`<button part="button" type="button" class="secondary" @click=${() => flow.back()}>${messages.back}</button>` : nothing}
              <button part="button primary" type="submit" class="primary" ?disabled=${phase === 'sending'}>
                ${phase === 'sending' ? messages.sending : isLast ? messages.submit : messages.next}
              </button>
            </div>`}
      </form>`;
  };

  return { body, question };
}
