import { css, html, nothing, type TemplateResult } from 'lit';
import type { QuestionOf } from '../../../sdk/index.js';
import type { QuestionContext } from '../types.js';
import { describedBy, promptId, renderPrompt } from './prompt.js';

/** The question types drawn as a single row of scored radios. */
export type RatingQuestion = QuestionOf<'smiley' | 'stars' | 'nps' | 'csat'>;

/** How one rating type fills the shared radio group. */
export interface RadioGroupOptions {
  /** The scores offered, worst to best; DOM order follows it, so RTL mirrors it for free. */
  readonly values: readonly number[];
  /** What goes inside the radio for `value`; `checked` is the current score, if any. */
  readonly radio: (value: number, checked: number | undefined) => unknown;
  /** The radio's accessible name when its content has no text (stars). */
  readonly label?: (value: number) => string;
  /** Rendered after the group, e.g. the NPS end labels. */
  readonly after?: TemplateResult;
  /** Ids of further elements that describe the group. */
  readonly describedBy?: readonly string[];
}

/**
 * Renders the prompt and an ARIA radio group of scores with the keyboard behaviour of the ARIA
 * radio pattern (roving tabindex, arrows move and select, Home/End, wrapping, RTL-aware).
 * Shared by smiley, stars, NPS and CSAT so the four types behave identically for keyboard users.
 */
export function radioGroup(context: QuestionContext<RatingQuestion>, options: RadioGroupOptions): TemplateResult {
  const { question, answer } = context;
  const { values, label } = options;
  // The widget hands over this question's answer; a stale answer of another type must not check anything.
  const checked = answer?.type === question.type && typeof answer.value === 'number' ? answer.value : undefined;
  // Keep one radio reachable by Tab even if the score is not offered here (a 2 on a 3-face smiley).
  const tabbable = Math.max(values.indexOf(checked ?? NaN), 0);
  const select = (value: number) =>
    // Re-reporting the checked score keeps it (radios never toggle off) and lets the widget treat a
    // second tap as confirmation, e.g. to move on in kiosk mode.
    context.onAnswer({ questionId: question.id, type: question.type, value });

  const onKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const group = event.currentTarget as HTMLElement;
    // The radios are the group's children and the only things in it that take focus.
    const radios = [...group.children] as HTMLElement[];
    const index = radios.indexOf(event.target as HTMLElement);
    // The layout mirrors in RTL, so "right" means "previous" there; up/down never mirror.
    const forward = getComputedStyle(group).direction === 'rtl' ? -1 : 1;
    const steps: Record<string, number> = {
      ArrowRight: index + forward,
      ArrowLeft: index - forward,
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: radios.length - 1,
    };
    const step = steps[event.key];
    if (step === undefined) return; // Space and Enter reach the native <button> click.
    event.preventDefault(); // no page scroll
    const next = (step + radios.length) % radios.length;
    radios[next]?.focus();
    select(values[next] as number);
  };

  return html`<div class="sv-question rating ${question.type}">
    ${renderPrompt(context, 'div')}
    <div
      role="radiogroup"
      class="group"
      aria-labelledby=${promptId(context)}
      aria-describedby=${describedBy(context, ...(options.describedBy ?? []))}
      aria-invalid=${context.invalid ? 'true' : nothing}
      @keydown=${onKeydown}
    >
      ${values.map(
        (value, i) =>
          html`<button
            type="button"
            role="radio"
            class="radio"
            part="radio"
            aria-checked=${value === checked ? 'true' : 'false'}
            aria-label=${label ? label(value) : nothing}
            tabindex=${i === tabbable ? 0 : -1}
            @click=${() => select(value)}
          >
            ${options.radio(value, checked)}
          </button>`,
      )}
    </div>
    ${options.after ?? nothing}
  </div>`;
}

/**
 * Layout, target size, focus ring and motion rules every rating type shares, after
 * `questionBaseStyles` (prompt) and before each type's own.
 */
export const radioGroupStyles = css`
  .rating {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  /* The gap spaces the rows, not the shared margins below the prompt and description. */
  .rating :is(.prompt, .description) {
    margin-block-end: 0;
  }
  .rating .group {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .rating .radio {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-inline-size: var(--_target);
    min-block-size: var(--_target);
    padding: 4px;
    background: none;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
    /* No 300ms double-tap-zoom wait on touch screens. */
    touch-action: manipulation;
    transition:
      background-color 0.15s,
      border-color 0.15s;
  }
  .rating .radio svg {
    transition: transform 0.15s;
  }
  /* Bordered number/text boxes (NPS, CSAT). */
  :is(.nps, .csat) .radio {
    flex: 1 0 var(--_target);
    border-color: var(--_border);
    background: var(--_surface);
  }
  .rating .radio:hover {
    background: var(--_surface-alt);
  }
  :is(.nps, .csat) .radio[aria-checked='true'] {
    /* Fill, weight and an inner ring: visible without colour vision too. */
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    box-shadow: inset 0 0 0 2px var(--_on-accent);
  }
  @media (forced-colors: active) {
    .rating .radio[aria-checked='true'] {
      border-color: Highlight;
    }
  }
`;
