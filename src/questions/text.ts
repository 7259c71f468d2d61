import { html, nothing } from 'lit';
import type { QuestionOf } from '../../sdk/index.js';
import { localize } from '../../sdk/survey/localize.js';
import { describedBy, renderPrompt } from './internal/prompt.js';
import type { QuestionView } from './types.js';

// The registry takes a type's view and styles from one module.
export { textStyles } from './text.styles.js';

/** The SDK's default `maxLength` of a text question. */
const TEXT_MAX = 1000;
/** Below this share of the limit left, the counter becomes a live region. */
const ANNOUNCE_BELOW = 0.2;

/**
 * A free-text question: a `<textarea>` labelled by the prompt, limited to `maxLength` (default
 * 1000) with a character counter.
 *
 * The counter is always described by the field (read once on focus) but only becomes a polite live
 * region when 20 % or less is left: announcing every keystroke would drown the shopper's typing.
 *
 * Reports `{ questionId, type: 'text', value }` with the text as typed, or `undefined` when it is
 * empty or only whitespace. The text is never trimmed here: the field is bound to the answer, and
 * trimming what it reports would delete the space the shopper just typed between two words.
 */
export const textView: QuestionView<QuestionOf<'text'>> = (context) => {
  const { question, answer, messages, locale, idPrefix, invalid, onAnswer } = context;
  const max = question.maxLength ?? TEXT_MAX;
  const value = answer?.type === 'text' ? answer.value : '';
  const left = Math.max(0, max - value.length);
  const inputId = `${idPrefix}-input`;
  const counterId = `${idPrefix}-counter`;

  const onInput = (event: Event) => {
    const text = (event.target as HTMLTextAreaElement).value;
    // Lit writes `.value` only when the bound value changes, so blank input reported as
    // `undefined` stays in the field instead of being wiped under the cursor.
    onAnswer(text.trim() === '' ? undefined : { questionId: question.id, type: 'text', value: text });
  };

  return html`<div class="sv-question sv-text">
    ${renderPrompt(context, { labelFor: inputId })}
    <textarea
      id=${inputId}
      class="field"
      rows="4"
      dir="auto"
      maxlength=${max}
      placeholder=${question.placeholder === undefined ? nothing : localize(question.placeholder, locale)}
      aria-describedby=${describedBy(context, counterId)}
      aria-required=${question.required ? 'true' : nothing}
      aria-invalid=${invalid ? 'true' : nothing}
      .value=${value}
      @input=${onInput}
    ></textarea>
    <div id=${counterId} class="counter" aria-live=${left <= max * ANNOUNCE_BELOW ? 'polite' : nothing}
      >${messages.charactersLeft(left)}</div
    >
  </div>`;
};
