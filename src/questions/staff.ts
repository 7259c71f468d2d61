import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from '../internal/live.js';
import type { QuestionOf } from '../../sdk/index.js';
import { describedBy, promptId, renderPrompt } from './internal/prompt.js';
import type { QuestionView } from './types.js';

// The registry takes a type's view and styles from one module.
export { staffStyles } from './staff.styles.js';

/** The radio value of "Not sure"; staff ids are never empty, so it cannot clash with one. */
const UNSURE = '';

/** "Ana María López" → "AL": first letters of the first and last word, by code point so emoji and astral letters stay whole. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = (word: string | undefined) => (word ? [...word][0] : '');
  return `${first(words[0])}${words.length > 1 ? first(words.at(-1)) : ''}`.toUpperCase();
}

// A broken photo hides itself (the reset's `[hidden]` rule) and uncovers the initials drawn beneath
// it. The attribute is set outside Lit, which never binds `hidden` here; `keyed` on the URL gives a
// new photo a fresh element.
const hidePhoto = (event: Event) => {
  (event.target as HTMLImageElement).hidden = true;
};

/**
 * "Who helped you today?": a radio group of cards (photo or initials, and the name) from
 * `question.roster`, plus "Not sure" unless `allowUnsure` is `false`.
 *
 * Photos are decorative (`alt=""`) because the name already labels each card; they load lazily
 * (rosters run to 200 people) and without a referrer (the shop's page address is not the photo
 * host's business).
 *
 * Reports `{ questionId, type: 'staff', value }` with the staff id, or `null` for "Not sure".
 */
export const staffView: QuestionView<QuestionOf<'staff'>> = (context) => {
  const { question, answer, messages, idPrefix, invalid, onAnswer } = context;
  // `undefined` is "nobody picked yet"; `null` is "Not sure".
  const picked = answer?.type === 'staff' ? answer.value : undefined;
  const name = `${idPrefix}-staff`;

  const onChange = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    onAnswer({ questionId: question.id, type: 'staff', value: value === UNSURE ? null : value });
  };

  return html`<div class="sv-question sv-staff">
    ${renderPrompt(context, 'div')}
    <div
      class="roster"
      role="radiogroup"
      aria-labelledby=${promptId(context)}
      aria-describedby=${describedBy(context)}
      aria-required=${question.required ? 'true' : nothing}
      aria-invalid=${invalid ? 'true' : nothing}
      @change=${onChange}
    >
      ${(question.roster ?? []).map(
        (member) => html`<label class="member" part="option">
          <input type="radio" name=${name} value=${member.id} .checked=${live(picked === member.id)} />
          <span class="avatar" aria-hidden="true"
            >${initials(member.name)}${member.photo
              ? keyed(
                  member.photo,
                  html`<img src=${member.photo} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${hidePhoto} />`,
                )
              : nothing}</span
          >
          <span class="name">${member.name}</span>
        </label>`,
      )}
      ${question.allowUnsure === false
        ? nothing
        : html`<label class="member" part="option">
            <input type="radio" name=${name} value=${UNSURE} .checked=${live(picked === null)} />
            <span class="name">${messages.staffNotSure}</span>
          </label>`}
    </div>
  </div>`;
};
