import type { Messages } from '../i18n/messages.js';

/**
 * A notice in the shell's banner area. Any element may raise one with an `sv-banner` event;
 * the shell shows it until it is dismissed or replaced (same `id`).
 * @example
 * this.dispatchEvent(new CustomEvent('sv-banner', { bubbles: true, detail: { id: 'manager-now', tone: 'urgent', text: 'A customer asks for a manager at the exit' } }));
 */
export interface Banner {
  /** Raising a banner with the id of one on screen replaces it. */
  readonly id: string;
  /** `urgent` banners are announced at once (role `alert`); the others politely. */
  readonly tone: 'info' | 'warning' | 'urgent';
  /** The text, or a function of the current messages so it follows a language switch. */
  readonly text: string | ((m: Messages) => string);
  /** Buttons or links that act on it (open the case, acknowledge); acting on it may remove it. */
  readonly actions?: readonly BannerAction[];
  /**
   * `false`: no plain "Dismiss" — a "speak to a manager now" banner goes only by acting on it.
   * @default true
   */
  readonly dismissible?: boolean;
}

/** A link (`href`) or a button (`run`) on a banner. */
export interface BannerAction {
  readonly label: string;
  readonly href?: string;
  readonly run?: () => void;
}

/**
 * The state of the dashboard's live connection (server-sent events, issue #13), shown by the
 * shell's indicator; `off` shows nothing.
 */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'offline';

declare global {
  interface HTMLElementEventMap {
    'sv-banner': CustomEvent<Banner>;
    'sv-banner-dismiss': CustomEvent<string>;
    'sv-live-status': CustomEvent<LiveStatus>;
  }
}
