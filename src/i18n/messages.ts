/**
 * Every text the widget shows that is not part of a survey definition. One object per locale;
 * functions where a number goes into the sentence (plural rules differ per language).
 * A small typed catalog instead of @lit/localize: no build step, no runtime to ship, and the
 * compiler checks every locale has every message.
 */
export interface Messages {
  /** Writing direction of this locale. */
  readonly dir: 'ltr' | 'rtl';
  /** The launcher button. */
  readonly openFeedback: string;
  readonly close: string;
  readonly next: string;
  readonly back: string;
  readonly submit: string;
  readonly sending: string;
  /** "Question 2 of 5" */
  readonly progress: (current: number, total: number) => string;
  /** Marks a required question for screen readers and sighted users. */
  readonly required: string;

  // Validation messages (from the SDK's AnswerProblem codes).
  readonly errorRequired: string;
  readonly errorTooLong: (max: number) => string;
  readonly errorTooMany: (max: number) => string;
  readonly errorOtherRequired: string;
  readonly errorEmailInvalid: string;
  readonly errorPhoneInvalid: string;
  readonly errorInvalid: string;

  // Question types.
  /** Five labels, worst to best; a 3-face smiley uses the 1st, 3rd and 5th. */
  readonly smileyLabels: readonly [string, string, string, string, string];
  /** "3 of 5 stars" */
  readonly starsLabel: (value: number, max: number) => string;
  readonly npsLow: string;
  readonly npsHigh: string;
  /** Five labels, very unsatisfied to very satisfied. */
  readonly csatLabels: readonly [string, string, string, string, string];
  readonly other: string;
  readonly otherPlaceholder: string;
  /** "120 characters left" */
  readonly charactersLeft: (count: number) => string;
  readonly staffNotSure: string;
  readonly consentYes: string;
  readonly consentEmail: string;
  readonly consentPhone: string;

  // Outcome screens: never a false success.
  readonly thanks: string;
  /** Saved for later while the device is offline. */
  readonly thanksQueued: string;
  /** Saved for later while the device seems online: the collector is unreachable (server trouble, an ad blocker). */
  readonly thanksSaved: string;
  readonly failedTitle: string;
  /** The collector refused the feedback (bad configuration); the widget shows the server's reason below it. */
  readonly failedRejected: string;
  readonly retry: string;
  /** The survey could not be loaded or is invalid. */
  readonly unavailable: string;
}

/**
 * The kiosk's own texts (attract screen, manager help, the staff's offline badge). A separate
 * catalog from {@link Messages}: they ship in the kiosk chunk (`src/i18n/kiosk/`), so retailer
 * websites, which never show them, do not download them. Every locale must have every message.
 */
export interface KioskMessages {
  /** The language's own name, on its button on the attract screen ("Français", not "French"). */
  readonly languageName: string;
  /** Names the group of language buttons. */
  readonly chooseLanguage: string;
  /** The attract screen's invitation, when the survey does not open with a smiley question. */
  readonly attractTitle: string;
  /** The button that starts the survey from the attract screen. */
  readonly start: string;
  /** Asked after a bad score when manager help is on. */
  readonly helpQuestion: string;
  readonly helpYes: string;
  readonly helpNo: string;
  /** Only when the alert destination acknowledged the request: never a false promise. */
  readonly managerNotified: string;
  /** The request is saved but no one was reached yet (offline, alert not delivered, no alert destination). */
  readonly managerSaved: string;
  /** The staff badge: the device has no network. */
  readonly offline: string;
  /** The staff badge: submissions waiting in the outbox. */
  readonly queued: (count: number) => string;
}
