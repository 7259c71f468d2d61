import type { KioskMessages } from '../messages.js';

/** English kiosk texts. */
export const en: KioskMessages = {
  languageName: 'English',
  chooseLanguage: 'Choose your language',
  attractTitle: 'How was your visit today?',
  start: 'Start',
  helpQuestion: 'Would you like to speak to a manager now?',
  helpYes: 'Yes, I’d like to speak to a manager now',
  helpNo: 'No, thank you',
  managerNotified: 'A manager has been notified and will be with you shortly.',
  managerSaved: 'Please ask at the till; we’ve saved your request.',
  offline: 'Offline',
  queued: (count) => `${count} queued`,
};
