import type { TemplateResult } from 'lit';
import type { Answer, Question } from '../../sdk/index.js';
import type { Messages } from '../i18n/messages.js';

/**
 * What a question view gets to render one question. Views are render functions, not custom
 * elements: the widget registers exactly one element name (`storevoice-widget`) and keeps every
 * question inside its single shadow root.
 */
export interface QuestionContext<Q extends Question = Question> {
  readonly question: Q;
  /** The current answer to this question, if any. */
  readonly answer: Answer | undefined;
  readonly messages: Messages;
  /** Resolved locale, for `localize()` of survey texts. */
  readonly locale: string;
  /** A prefix unique within the shadow root, for ids that labels and aria-describedby point at. */
  readonly idPrefix: string;
  /** The id of the element that holds this question's validation message (for aria-describedby). */
  readonly errorId: string;
  /** True when the question failed validation and its error is shown. */
  readonly invalid: boolean;
  /**
   * On a kiosk: a shared device, whose fields must not offer the previous customer's entries. (Kiosk
   * mode sizes its questions in its own styles, src/kiosk/kiosk.styles.ts.)
   */
  readonly kiosk: boolean;
  /** Report a new answer, or `undefined` when the shopper cleared it. */
  readonly onAnswer: (answer: Answer | undefined) => void;
}

/** A question type's view: how it renders; styles live in `<type>.styles.ts` beside it. */
export type QuestionView<Q extends Question = Question> = (context: QuestionContext<Q>) => TemplateResult;
