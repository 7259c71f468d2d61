import type { Answer, SubmitResult } from '../../sdk/index.js';

/** `detail` of each event `<storevoice-widget>` dispatches (all bubble and cross shadow roots). */
export interface WidgetEventDetails {
  'storevoice-open': Record<string, never>;
  'storevoice-close': { readonly submitted: boolean };
  'storevoice-answer': { readonly questionId: string; readonly answer: Answer | undefined };
  'storevoice-submit': { readonly answers: readonly Answer[] };
  'storevoice-queued': { readonly result: SubmitResult };
  'storevoice-sent': { readonly result: SubmitResult };
  'storevoice-error': { readonly code: WidgetErrorCode; readonly message: string; readonly result?: SubmitResult };
}

/** Why the widget reports an error: bad configuration, an unloadable survey, or a refused submission. */
export type WidgetErrorCode = 'config' | 'survey' | 'rejected';

declare global {
  interface GlobalEventHandlersEventMap {
    'storevoice-open': CustomEvent<WidgetEventDetails['storevoice-open']>;
    'storevoice-close': CustomEvent<WidgetEventDetails['storevoice-close']>;
    'storevoice-answer': CustomEvent<WidgetEventDetails['storevoice-answer']>;
    'storevoice-submit': CustomEvent<WidgetEventDetails['storevoice-submit']>;
    'storevoice-queued': CustomEvent<WidgetEventDetails['storevoice-queued']>;
    'storevoice-sent': CustomEvent<WidgetEventDetails['storevoice-sent']>;
    'storevoice-error': CustomEvent<WidgetEventDetails['storevoice-error']>;
  }
}

/** Dispatches a typed widget event that bubbles out of the shadow root. */
export function emit<K extends keyof WidgetEventDetails>(target: EventTarget, type: K, detail: WidgetEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
