import { html, nothing } from 'lit';
import type { AnswersResponse } from '../../../../server/stats/types.js';
import { LightElement } from '../../components/light-element.js';
import { LocaleController } from '../../i18n/localizer.js';
import { pulseDashboardTexts as T } from './texts.js';

type LocalizedText = string | Record<string, string> | null;

/**
 * How the team answered each pulse question ("What would have helped most?"), as one table per
 * question with a bar per answer. Written answers are counted here and read in the comments.
 * @summary Answers per pulse question.
 */
export class SvPulseAnswers extends LightElement {
  static override properties = { answers: { attribute: false }, minimum: { type: Number } };
  declare answers: AnswersResponse | undefined;
  declare minimum: number;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.minimum = 0;
  }

  #text(text: LocalizedText, fallback: string): string {
    if (text === null) return fallback;
    if (typeof text === 'string') return text;
    return text[this.#i18n.locale] ?? text[this.#i18n.locale.split('-')[0] ?? ''] ?? text['en'] ?? fallback;
  }

  override render() {
    const a = this.answers;
    if (!a) return nothing;
    const { m, f } = this.#i18n;
    const pick = this.#i18n.pick.bind(this.#i18n);
    const questions = a.surveys.flatMap((s) => s.questions);
    if (questions.length === 0) return html`<p class="state state-empty">${m.distribution.none}</p>`;
    return html`<div class="distributions">
      ${questions.map((q) => {
        const prompt = this.#text(q.prompt, q.id);
        if (q.insufficientResponses || q.counts === null) return html`<p><strong>${prompt}</strong><br />${pick(T.notEnough)(f.count(q.answered), f.count(this.minimum))}</p>`;
        if (q.type === 'text') return html`<p><strong>${prompt}</strong><br />${pick(T.textAnswers)(f.count(q.answered))}</p>`;
        const max = Math.max(1, ...q.counts.map((c) => c.n));
        return html`<table class="distribution">
          <caption>${prompt}</caption>
          <thead><tr><th scope="col">${pick(T.answer)}</th><th scope="col">${pick(T.count)}</th><th scope="col"><span class="visually-hidden">${m.distribution.share}</span></th></tr></thead>
          <tbody>
            ${q.counts.map((c) => html`<tr><th scope="row">${this.#text(c.label, c.value)}</th><td>${f.count(c.n)}</td><td><meter min="0" max=${max} value=${c.n} aria-hidden="true"></meter></td></tr>`)}
          </tbody>
        </table>`;
      })}
    </div>`;
  }
}
