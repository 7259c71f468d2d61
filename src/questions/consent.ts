import { html, nothing } from 'lit';
import { live } from '../internal/live.js';
import type { QuestionOf } from '../../sdk/index.js';
import { descriptionId, hasDescription, renderPrompt } from './internal/prompt.js';
import type { QuestionView } from './types.js';

// The registry takes a type's view and styles from one module.
export { consentStyles } from './consent.styles.js';

/** The schema's limit on `contact`. */
const CONTACT_MAX = 200;

/**
 * Consent to be contacted: a fieldset named by the prompt with one checkbox (`messages.consentYes`)
 * and, only once it is checked, the contact field `question.contactField` asks for (e-mail by
 * default, phone, or none) with the matching `type` and `autocomplete`, so phones show the right
 * keyboard and browsers can fill it in.
 *
 * On a kiosk the field asks the browser not to autofill: its suggestions would show the previous
 * shopper's address to the next one.
 *
 * Reports `{ questionId, type: 'consent', value, contact? }`. Unchecking reports `{ value: false }`
 * (declining is an answer) and removes the field, so a contact the shopper took back is never sent.
 */
export const consentView: QuestionView<QuestionOf<'consent'>> = (context) => {
  const { question, answer, messages, idPrefix, errorId, invalid, kiosk, onAnswer } = context;
  const current = answer?.type === 'consent' ? answer : undefined;
  const checked = current?.value === true;
  const field = question.contactField ?? 'email';
  const asksContact = checked && field !== 'none';
  const contactId = `${idPrefix}-contact`;
  // An invalid opt-in can only lack its contact; otherwise the checkbox itself is unanswered.
  const contactInvalid = invalid && asksContact;
  const checkboxInvalid = invalid && !asksContact;

  const report = (value: boolean, contact = '') =>
    onAnswer({ questionId: question.id, type: 'consent', value, ...(value && contact.trim() !== '' ? { contact } : {}) });

  return html`<fieldset
    class="sv-question sv-consent"
    aria-describedby=${hasDescription(context) ? descriptionId(context) : nothing}
  >
    ${renderPrompt(context, 'legend')}
    <label class="option" part="option">
      <input
        type="checkbox"
        aria-invalid=${checkboxInvalid ? 'true' : nothing}
        aria-describedby=${checkboxInvalid ? errorId : nothing}
        .checked=${live(checked)}
        @change=${(event: Event) => report((event.target as HTMLInputElement).checked)}
      /><span>${messages.consentYes}</span>
    </label>
    ${asksContact
      ? html`<div class="contact">
          <label for=${contactId}>${field === 'phone' ? messages.consentPhone : messages.consentEmail}</label>
          <input
            id=${contactId}
            class="field"
            type=${field === 'phone' ? 'tel' : 'email'}
            autocomplete=${kiosk ? 'off' : field === 'phone' ? 'tel' : 'email'}
            dir="auto"
            maxlength=${CONTACT_MAX}
            aria-required="true"
            aria-invalid=${contactInvalid ? 'true' : nothing}
            aria-describedby=${contactInvalid ? errorId : nothing}
            .value=${current?.contact ?? ''}
            @input=${(event: Event) => report(true, (event.target as HTMLInputElement).value)}
          />
        </div>`
      : nothing}
  </fieldset>`;
};
