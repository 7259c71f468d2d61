import { LitElement, adoptStyles, css, html, unsafeCSS, type CSSResult } from 'lit';
import type { Answer, Question } from '../../../sdk/index.js';
import { en } from '../../../src/i18n/en.js';
import type { Messages } from '../../../src/i18n/messages.js';
import { kioskCss } from '../../../src/kiosk/kiosk.styles.js';
import type { QuestionView } from '../../../src/questions/types.js';
import { componentStyles } from '../../../src/styles/component.styles.js';
import { tokens } from '../../../src/styles/tokens.js';

/**
 * Test-only element: renders one question view in a shadow root, like the widget does, and keeps
 * the answers it reports. Not part of the product (the widget defines no element but its own).
 */
export class QuestionHost extends LitElement {
  static override properties = { answer: { attribute: false }, invalid: { type: Boolean }, dir: { reflect: true } };
  /** The view's own styles, adopted per instance (Lit finalizes static styles once per class). */
  styles: CSSResult[] = [];
  declare answer: Answer | undefined;
  declare invalid: boolean;
  view!: QuestionView;
  question!: Question;
  messages: Messages = en;
  locale = 'en';
  kiosk = false;
  readonly reported: (Answer | undefined)[] = [];

  protected override createRenderRoot() {
    const root = super.createRenderRoot() as ShadowRoot;
    // The widget's own order: tokens, then the reset, which the views' styles build on; in kiosk mode,
    // the kiosk's styles last, which size its questions (src/kiosk/index.ts adopts them so).
    const kiosk = this.kiosk ? [unsafeCSS(kioskCss)] : [];
    adoptStyles(root, [tokens, componentStyles, css`:host { display: block; font-family: var(--_font); color: var(--_text); background: var(--_surface); }`, ...this.styles, ...kiosk]);
    return root;
  }

  override render() {
    return html`<div id="q-error" role="alert">${this.invalid ? this.messages.errorRequired : ''}</div>
      ${this.view({
        question: this.question,
        answer: this.answer,
        messages: this.messages,
        locale: this.locale,
        idPrefix: 'q',
        errorId: 'q-error',
        invalid: this.invalid ?? false,
        kiosk: this.kiosk,
        onAnswer: (answer) => {
          this.reported.push(answer);
          this.answer = answer;
        },
      })}`;
  }
}
if (!customElements.get('test-question-host')) customElements.define('test-question-host', QuestionHost);

/** Renders `view` for `question` and waits for the first render. */
export async function renderQuestion<Q extends Question>(
  view: QuestionView<Q>,
  question: Q,
  options: { answer?: Answer; messages?: Messages; locale?: string; dir?: 'ltr' | 'rtl'; styles?: CSSResult[]; kiosk?: boolean } = {},
): Promise<QuestionHost> {
  const host = document.createElement('test-question-host') as QuestionHost;
  host.styles = options.styles ?? [];
  host.view = view as QuestionView;
  host.question = question;
  if (options.messages) host.messages = options.messages;
  if (options.locale) host.locale = options.locale;
  if (options.kiosk) {
    host.kiosk = true;
    host.setAttribute('mode', 'kiosk'); // as on the widget
  }
  host.answer = options.answer;
  if (options.dir) host.setAttribute('dir', options.dir);
  document.body.append(host);
  await host.updateComplete;
  return host;
}
