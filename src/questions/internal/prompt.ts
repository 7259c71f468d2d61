import { html, nothing, type TemplateResult } from 'lit';
import { localize } from '../../../sdk/survey/localize.js';
import type { QuestionContext } from '../types.js';

/** The element the prompt is drawn as, by how it names the question's control. */
export type PromptElement =
  /** The first child of the view's `<fieldset>`, which it names. */
  | 'legend'
  /** A `<div>` with the id {@link promptId}, for the control's `aria-labelledby`. */
  | 'div'
  /** A `<label>` for the control with this id. */
  | { readonly labelFor: string };

/** The id of the prompt drawn as a `<div>`, for the control's `aria-labelledby`. */
export const promptId = ({ idPrefix }: QuestionContext): string => `${idPrefix}-prompt`;

/** The id of the description, when the question has one (see {@link hasDescription}). */
export const descriptionId = ({ idPrefix }: QuestionContext): string => `${idPrefix}-description`;

/** True when the question has a description in the context's locale, i.e. {@link renderPrompt} renders one. */
export function hasDescription({ question, locale }: QuestionContext): boolean {
  return localize(question.description, locale) !== '';
}

/**
 * The `aria-describedby` of a question's control: its description (if any), then `ids` in order,
 * then the validation message while the question is invalid; `nothing` when none applies.
 */
export function describedBy(context: QuestionContext, ...ids: string[]): string | typeof nothing {
  const description = hasDescription(context) ? descriptionId(context) : '';
  const error = context.invalid ? context.errorId : '';
  return [description, ...ids, error].filter(Boolean).join(' ') || nothing;
}

/**
 * The localized prompt with the required marker (`messages.required`), then the description, if
 * any. Every question view starts with these, with the same classes and parts (`prompt`,
 * `description`), so the shared styles and a theme's `::part()` rules style them alike.
 */
export function renderPrompt(context: QuestionContext, as: PromptElement): TemplateResult {
  const { question, messages, locale } = context;
  const text = localize(question.prompt, locale);
  const required = question.required ? html` <span class="required">${messages.required}</span>` : nothing;
  const prompt =
    as === 'legend'
      ? html`<legend class="prompt" part="prompt">${text}${required}</legend>`
      : as === 'div'
        ? html`<div id=${promptId(context)} class="prompt" part="prompt">${text}${required}</div>`
        : html`<label class="prompt" part="prompt" for=${as.labelFor}>${text}${required}</label>`;
  const description = localize(question.description, locale);
  return description
    ? html`${prompt}<p id=${descriptionId(context)} class="description" part="description">${description}</p>`
    : prompt;
}
