import { html, nothing, type TemplateResult } from 'lit';
import { localize } from '../../../sdk/survey/localize.js';
import type { QuestionContext } from '../types.js';

/** The element the prompt is drawn as, by how it names the question's control. */
export type PromptElement =
  /** The first child of the view's `<fieldset>`, which it names. */
  | { readonly as: 'legend' }
  /** A `<label>` for the control with this id. */
  | { readonly as: 'label'; readonly for: string }
  /** A `<div>` with this id, for the control's `aria-labelledby`. */
  | { readonly as: 'div'; readonly id: string };

export type PromptOptions = PromptElement & {
  /** The description's id, for the `aria-describedby` of the control (see {@link hasDescription}). */
  readonly descriptionId: string;
  /** The description's element: a paragraph (default), or a `<div>` as the rating group draws it. */
  readonly descriptionAs?: 'p' | 'div';
};

/** True when the question has a description in the context's locale, i.e. {@link renderPrompt} renders one. */
export function hasDescription({ question, locale }: QuestionContext): boolean {
  return localize(question.description, locale) !== '';
}

/**
 * The localized prompt with the required marker (`messages.required`), then the description, if
 * any. Every question view starts with these, with the same classes and parts (`prompt`,
 * `description`), so the shared styles and a theme's `::part()` rules style them alike.
 */
export function renderPrompt(context: QuestionContext, options: PromptOptions): TemplateResult {
  const { question, messages, locale } = context;
  const text = localize(question.prompt, locale);
  const required = question.required ? html` <span class="required">${messages.required}</span>` : nothing;
  const prompt =
    options.as === 'legend'
      ? html`<legend class="prompt" part="prompt">${text}${required}</legend>`
      : options.as === 'label'
        ? html`<label class="prompt" part="prompt" for=${options.for}>${text}${required}</label>`
        : html`<div id=${options.id} class="prompt" part="prompt">${text}${required}</div>`;
  const description = localize(question.description, locale);
  if (!description) return prompt;
  const id = options.descriptionId;
  return html`${prompt}${options.descriptionAs === 'div'
    ? html`<div id=${id} class="description" part="description">${description}</div>`
    : html`<p id=${id} class="description" part="description">${description}</p>`}`;
}
