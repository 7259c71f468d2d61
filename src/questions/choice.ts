import { html, nothing } from 'lit';
import { live } from '../internal/live.js';
import type { AnswerOf, QuestionOf } from '../../sdk/index.js';
import { localize } from '../../sdk/survey/localize.js';
import { describedBy, promptId, renderPrompt } from './internal/prompt.js';
import type { QuestionView } from './types.js';

// The registry takes a type's view and styles from one module.
export { choiceStyles } from './choice.styles.js';

/** The option id the SDK reserves for "Other" (see `validateAnswer`). */
const OTHER = 'other';
/** The schema's limit on the text of "Other". */
const OTHER_MAX = 500;

/**
 * A choice question: a radio group (single) or a fieldset of checkboxes (`multiple`), optionally
 * with an "Other" option whose text field appears only while it is chosen.
 *
 * Native inputs inside labels: arrow keys, Space, the "2 of 5" announcement and the whole label
 * as a hit target come from the browser, not from code we ship.
 *
 * Reports `{ questionId, type: 'choice', value: id | ids, other? }`, or `undefined` once nothing
 * is chosen. The text of "Other" is kept only while "Other" is chosen: what the shopper took back
 * is never sent.
 */
export const choiceView: QuestionView<QuestionOf<'choice'>> = (context) => {
  const { question, answer, messages, locale, idPrefix, errorId, invalid, onAnswer } = context;
  const multiple = question.multiple === true;
  const current = answer?.type === 'choice' ? answer : undefined;
  const selected: readonly string[] = current === undefined ? [] : typeof current.value === 'string' ? [current.value] : current.value;
  const options = question.options.map((option) => ({ id: option.id, label: localize(option.label, locale) }));
  if (question.other) options.push({ id: OTHER, label: messages.other });
  const otherChosen = question.other === true && selected.includes(OTHER);
  const otherText = otherChosen ? (current?.other ?? '') : '';

  const otherId = `${idPrefix}-other`;

  const report = (value: AnswerOf<'choice'>['value'], other: string) => {
    const ids = typeof value === 'string' ? [value] : value;
    // Whitespace is not an answer, but it stays in the field: the binding only writes what changed.
    const keepOther = ids.includes(OTHER) && other.trim() !== '';
    onAnswer(ids.length === 0 ? undefined : { questionId: question.id, type: 'choice', value, ...(keepOther ? { other } : {}) });
  };
  // One delegated listener; the "Other" text field sits outside this container, so its own
  // change events never reach it.
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    // Rebuilt in option order, so the same selection always reports the same array.
    const next = options.map((o) => o.id).filter((id) => (id === input.value ? input.checked : selected.includes(id)));
    report(multiple ? next : input.value, otherText);
  };

  // A single choice names and describes its radiogroup; a multiple one does that on its fieldset.
  const group = !multiple;
  const list = html`<div
    class="options"
    role=${group ? 'radiogroup' : nothing}
    aria-labelledby=${group ? promptId(context) : nothing}
    aria-describedby=${group ? describedBy(context) : nothing}
    aria-required=${group && question.required ? 'true' : nothing}
    aria-invalid=${group && invalid ? 'true' : nothing}
    @change=${onChange}
  >
    ${options.map(
      (option) => html`<label class="option" part="option">
        <input
          type=${multiple ? 'checkbox' : 'radio'}
          name=${`${idPrefix}-choice`}
          value=${option.id}
          .checked=${live(selected.includes(option.id))}
        /><span id=${option.id === OTHER ? `${otherId}-label` : nothing}>${option.label}</span>
      </label>`,
    )}
  </div>`;
  // autocomplete="off": free text has nothing to autofill, and on a shared kiosk the browser's
  // form history would offer one shopper's words to the next.
  const other = otherChosen
    ? html`<input
        id=${otherId}
        class="other field"
        type="text"
        dir="auto"
        autocomplete="off"
        maxlength=${OTHER_MAX}
        placeholder=${messages.otherPlaceholder}
        aria-labelledby=${`${otherId}-label`}
        aria-invalid=${invalid && otherText.trim() === '' ? 'true' : nothing}
        aria-describedby=${invalid && otherText.trim() === '' ? errorId : nothing}
        .value=${otherText}
        @input=${(event: Event) => report(multiple ? [...selected] : OTHER, (event.target as HTMLInputElement).value)}
      />`
    : nothing;
  const classes = 'sv-question sv-choice';

  return multiple
    ? html`<fieldset class=${classes} aria-describedby=${describedBy(context)} aria-invalid=${invalid ? 'true' : nothing}>
        ${renderPrompt(context, 'legend')}${list}${other}
      </fieldset>`
    : html`<div class=${classes}>${renderPrompt(context, 'div')}${list}${other}</div>`;
};
